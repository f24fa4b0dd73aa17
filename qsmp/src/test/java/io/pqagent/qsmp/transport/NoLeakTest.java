package io.pqagent.qsmp.transport;

import static io.pqagent.qsmp.transport.TransportFixture.at;
import static io.pqagent.qsmp.transport.TransportFixture.context;
import static io.pqagent.qsmp.transport.TransportFixture.key;
import static io.pqagent.qsmp.transport.WellBehavedClient.PATIENT;
import static io.pqagent.qsmp.transport.WellBehavedClient.SET;
import static org.assertj.core.api.Assertions.assertThat;

import io.pqagent.qsmp.handshake.HandshakeContext;
import io.pqagent.qsmp.keys.PublicKeyRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Ten thousand short Simplex sessions (connect, one echoed message, orderly close), a few at a time,
 * against one server in this JVM: afterwards the live threads and the process's open file descriptors
 * are back to what they were after a warm-up, the server holds no tunnel and no handshake. Counts only;
 * the waits are bounded hang guards.
 */
class NoLeakTest {
    private static final int SESSIONS = 10_000;
    private static final int WARM_UP = 200;
    private static final int IN_FLIGHT = 16;
    private static final int THREAD_SLACK = 3;
    private static final int FD_SLACK = 16;
    private static final Duration RUN_BOUND = Duration.ofMinutes(10);
    private static final Duration SETTLE = Duration.ofSeconds(30);

    @Test
    void tenThousandShortSessionsLeaveNoThreadOrDescriptorBehind() throws Exception {
        AtomicInteger serverEnds = new AtomicInteger();
        AtomicInteger serverOrderlyEnds = new AtomicInteger();
        TunnelHandler echo = new TunnelHandler() {
            @Override
            public void onMessage(Tunnel tunnel, byte[] message) {
                tunnel.send(message);
            }

            @Override
            public void onClosed(Tunnel tunnel, TunnelClosed why) {
                if (why.orderly()) {
                    serverOrderlyEnds.incrementAndGet();
                }
                serverEnds.incrementAndGet();
            }
        };
        try (QsmpNetwork net = QsmpNetwork.create(2, 2);
                QsmpServer server = WellBehavedClient.simplexEchoServer(net, PATIENT, echo)) {
            Sessions sessions = new Sessions(net, server);
            sessions.run(WARM_UP); // starts every event-loop and crypto thread the run will use
            Poll.until("warm-up sessions ended on the server", SETTLE, () -> serverEnds.get() == WARM_UP);
            int threadsBefore = liveThreads();
            long fdsBefore = openFileDescriptors();

            sessions.run(SESSIONS);

            Poll.until("every session ended on the server", SETTLE, () -> serverEnds.get() == WARM_UP + SESSIONS,
                    () -> serverEnds.get() + " ended");
            assertThat(serverOrderlyEnds.get()).isEqualTo(WARM_UP + SESSIONS);
            assertThat(server.tunnels()).isEmpty();
            assertThat(server.handshakesInProgress()).isZero();
            Poll.until("threads back to the baseline of " + threadsBefore, SETTLE,
                    () -> liveThreads() <= threadsBefore + THREAD_SLACK, () -> liveThreads() + " live");
            Poll.until("file descriptors back to the baseline of " + fdsBefore, SETTLE,
                    () -> openFileDescriptors() <= fdsBefore + FD_SLACK, () -> openFileDescriptors() + " open");
        }
    }

    /** Runs short sessions, at most {@link #IN_FLIGHT} at a time, and checks each one's echo. */
    private static final class Sessions {
        private final QsmpNetwork net;
        private final QsmpServer server;
        private final HandshakeContext ctx = context(SET);
        private final PublicKeyRecord serverKey = key(SET, "server").publicRecord();

        Sessions(QsmpNetwork net, QsmpServer server) {
            this.net = net;
            this.server = server;
        }

        void run(int count) throws Exception {
            Semaphore slots = new Semaphore(IN_FLIGHT);
            Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
            AtomicInteger done = new AtomicInteger();
            for (int i = 0; i < count && failures.isEmpty(); i++) {
                if (!slots.tryAcquire(RUN_BOUND.toSeconds(), TimeUnit.SECONDS)) {
                    throw new AssertionError("a session hung; " + done.get() + " of " + count + " done");
                }
                byte[] message = ("session " + i).getBytes(StandardCharsets.US_ASCII);
                one(message).whenComplete((ok, e) -> {
                    if (e != null) {
                        failures.add(e);
                    }
                    done.incrementAndGet();
                    slots.release();
                });
            }
            if (!slots.tryAcquire(IN_FLIGHT, RUN_BOUND.toSeconds(), TimeUnit.SECONDS)) {
                throw new AssertionError("sessions hung; " + done.get() + " of " + count + " done");
            }
            assertThat(failures).as("failed sessions").isEmpty();
            assertThat(done.get()).isEqualTo(count);
        }

        /** Connect, send {@code message}, check its echo, close in order. */
        private CompletableFuture<Void> one(byte[] message) {
            CompletableFuture<byte[]> echoed = new CompletableFuture<>();
            TunnelHandler inbox = (tunnel, m) -> echoed.complete(m);
            return net.connectSimplex(ctx, serverKey, at(server), PATIENT, inbox)
                    .thenCompose(t -> t.send(message).thenCompose(sent -> echoed)
                            .thenCompose(m -> {
                                if (!Arrays.equals(m, message)) {
                                    throw new AssertionError("echo differs from what was sent");
                                }
                                return t.close();
                            }))
                    .thenAccept(end -> {
                        if (!end.orderly()) {
                            throw new AssertionError("session ended " + end);
                        }
                    });
        }
    }

    private static int liveThreads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    private static long openFileDescriptors() {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
