package io.pqagent.qsmp.transport;

import static io.pqagent.qsmp.transport.WellBehavedClient.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.pqagent.qsmp.session.Received;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link Tunnel#isWritable()} and {@link Tunnel#onWritable} on real sockets. The server's tunnel sends to
 * a raw client that does not read: the server, sending only while writable, stalls once the kernel's
 * buffers are full instead of queueing without bound; when the client reads again the listener wakes
 * the sender and every message arrives in order. An orderly close of a tunnel whose peer does not read
 * still ends the connection.
 */
class TunnelWritabilityTest {
    private static final TransportSettings QUIET = WellBehavedClient.PATIENT.withKeepAlive(Duration.ZERO, Duration.ZERO);
    private static final int MESSAGE = 16 * 1024;
    /** 16 MiB: far more than the loopback socket buffers hold (tcp_wmem's 4 MiB here), so the sender must stall. */
    private static final int MESSAGES = 1024;
    private static QsmpNetwork net;

    @BeforeAll
    static void start() {
        net = QsmpNetwork.create(1, 1);
    }

    @AfterAll
    static void stop() {
        net.close();
    }

    /** Sends numbered messages on the tunnel's executor while it is writable; resumes when told. */
    static final class Filler implements Runnable {
        final Tunnel tunnel;
        final int total;
        final AtomicInteger sent = new AtomicInteger();
        final AtomicInteger stalls = new AtomicInteger();
        final AtomicInteger wakeUps = new AtomicInteger();
        final CompletableFuture<Integer> firstStall = new CompletableFuture<>();
        /** Completed once the last message has been handed to the tunnel (after the peer may have read it). */
        final CompletableFuture<Void> done = new CompletableFuture<>();
        volatile boolean wokenInsideSend;
        private boolean inSend;

        Filler(Tunnel tunnel, int total) {
            this.tunnel = tunnel;
            this.total = total;
            tunnel.onWritable(() -> {
                wokenInsideSend |= inSend;
                wakeUps.incrementAndGet();
                run();
            });
        }

        @Override
        public void run() {
            while (sent.get() < total && tunnel.isOpen()) {
                if (!tunnel.isWritable()) {
                    stalls.incrementAndGet();
                    firstStall.complete(sent.get());
                    return; // the listener calls run() again
                }
                byte[] m = new byte[MESSAGE];
                ByteBuffer.wrap(m).putInt(sent.get());
                inSend = true;
                tunnel.send(m);
                inSend = false;
                if (sent.incrementAndGet() == total) {
                    done.complete(null);
                }
            }
        }
    }

    /** A Simplex server whose tunnel, on the client's first message, starts a {@link Filler}. */
    private static final class FillingServer implements TunnelHandler {
        final CompletableFuture<Filler> filler = new CompletableFuture<>();
        final CompletableFuture<TunnelClosed> closed = new CompletableFuture<>();

        @Override
        public void onMessage(Tunnel tunnel, byte[] message) {
            Filler f = new Filler(tunnel, MESSAGES);
            filler.complete(f);
            f.run();
        }

        @Override
        public void onClosed(Tunnel tunnel, TunnelClosed why) {
            closed.complete(why);
        }
    }

    @Test
    void aSenderStallsWhileThePeerDoesNotReadAndIsWokenWhenItReadsAgain() throws Exception {
        FillingServer handler = new FillingServer();
        try (QsmpServer server = WellBehavedClient.simplexEchoServer(net, QUIET, handler);
                RawSimplexClient client = RawSimplexClient.establish(TransportFixture.at(server))) {
            client.raw.write(client.session.encrypt("fill".getBytes(StandardCharsets.US_ASCII)));
            Filler filler = handler.filler.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            int atStall = filler.firstStall.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(atStall).as("stalled before sending everything").isLessThan(MESSAGES);
            Thread.sleep(200);
            assertThat(filler.sent.get()).as("nothing sent while not writable").isEqualTo(atStall);

            for (int i = 0; i < MESSAGES; i++) {
                Received r = client.session.receive(client.raw.readTunnelPacket(WAIT));
                assertThat(r).isInstanceOf(Received.Data.class);
                byte[] m = ((Received.Data) r).message();
                assertThat(m).hasSize(MESSAGE);
                assertThat(ByteBuffer.wrap(m).getInt()).as("message order").isEqualTo(i);
            }
            // the client can read the last message before the sender's send() has returned
            filler.done.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(filler.sent.get()).isEqualTo(MESSAGES);
            assertThat(filler.wakeUps.get()).as("woken by onWritable").isGreaterThanOrEqualTo(filler.stalls.get());
            assertThat(filler.wokenInsideSend).as("the listener never runs inside send()").isFalse();
        }
    }

    @Test
    void anOrderlyCloseEndsTheConnectionEvenWhenThePeerDoesNotRead() throws Exception {
        FillingServer handler = new FillingServer();
        try (QsmpServer server = WellBehavedClient.simplexEchoServer(net, QUIET, handler);
                RawSimplexClient client = RawSimplexClient.establish(TransportFixture.at(server))) {
            client.raw.write(client.session.encrypt("fill".getBytes(StandardCharsets.US_ASCII)));
            Filler filler = handler.filler.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            filler.firstStall.get(WAIT.toSeconds(), TimeUnit.SECONDS);

            // the terminate packet waits behind megabytes the client never reads
            TunnelClosed why = filler.tunnel.close().get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(why.orderly()).isTrue();
            assertThat(handler.closed.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isNotNull();
            assertThat(filler.tunnel.isOpen()).isFalse();
            assertThat(filler.tunnel.isWritable()).isFalse();
        }
    }
}
