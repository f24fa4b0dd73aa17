package io.pqagent.agent.mux;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Backpressure from the tunnel into the streams, with an in-memory tunnel that stops taking messages:
 * writers are told to stop after one write (so their sockets stop being read), nothing is sent, no credit
 * is granted while the answers could not leave, and everything resumes intact when the tunnel does.
 */
class TunnelBackpressureTest {
    private static final int CHUNK = 8 * 1024;

    private static SendingHandler openSending(Multiplexer mux, byte[] payload) {
        SendingHandler handler = new SendingHandler(payload, CHUNK);
        MuxStream stream = mux.open("echo", new byte[0], handler);
        handler.pumpWrites(stream);
        return handler;
    }

    private static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    @Test
    void whileTheTunnelTakesNothingEachWriterStopsAfterOneWrite() {
        InMemoryTunnel tunnel = new InMemoryTunnel(new MultiplexerTest.Services());
        tunnel.dialerWritable = false;
        List<SendingHandler> clients = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            clients.add(openSending(tunnel.dialer, random(200_000, i)));
        }

        assertThat(tunnel.queued()).as("nothing sent").isZero();
        for (SendingHandler c : clients) {
            assertThat(c.everBlocked).isTrue();
            // one socket read queued, not the stream's 64 KiB high-water mark: the socket stops at once
            assertThat(c.stream.pendingSendBytes()).isEqualTo(CHUNK);
            assertThat(c.stream.isWritable()).isFalse();
        }

        tunnel.dialerWritable = true;
        tunnel.dialer.tunnelWritable();
        tunnel.pump();
        for (SendingHandler c : clients) {
            assertThat(c.violations).isEmpty();
            assertThat(c.received.toByteArray()).isEqualTo(c.payload);
            assertThat(c.stream.state()).isEqualTo(StreamState.CLOSED);
        }
    }

    @Test
    void aWriterStoppedByTheTunnelIsWokenWhenItResumes() {
        MultiplexerTest.Services services = new MultiplexerTest.Services();
        InMemoryTunnel tunnel = new InMemoryTunnel(services);
        RecordingHandler client = new RecordingHandler();
        MuxStream stream = tunnel.dialer.open("sink", new byte[0], client);
        tunnel.pump();
        assertThat(client.opened).isTrue();

        tunnel.dialerWritable = false;
        assertThat(stream.write(new byte[] {1, 2, 3})).as("stop: the tunnel takes nothing").isFalse();
        assertThat(stream.isWritable()).isFalse();
        assertThat(stream.write(new byte[] {4})).as("a read already under way is still taken").isFalse();
        tunnel.dialerWritable = true;
        tunnel.dialer.tunnelWritable();

        assertThat(client.writableCalls).isEqualTo(1);
        assertThat(stream.isWritable()).isTrue();
        tunnel.pump();
        assertThat(services.accepted.get(stream.id()).received.toByteArray()).containsExactly(1, 2, 3, 4);
    }

    @Test
    void anEchoWhoseTunnelTakesNothingGrantsNoCreditUntilItDoes() {
        MultiplexerTest.Services services = new MultiplexerTest.Services();
        InMemoryTunnel tunnel = new InMemoryTunnel(services);
        RecordingHandler client = new RecordingHandler();
        MuxStream stream = tunnel.dialer.open("echo", new byte[0], client);
        tunnel.pump();
        byte[] payload = random(1_000_000, 9);
        Writer writer = new Writer(stream, payload);

        tunnel.listenerWritable = false;
        do {
            writer.writeWhileWritable();
        } while (tunnel.pump() > 0);
        MuxStream echoed = services.accepted.get(stream.id()).stream;
        // the echo could not send its copy, so it took none of the bytes: no WINDOW waits behind the stall,
        // and the dialer is held to the one receive window
        assertThat(tunnel.listener.queuedControlBytes()).isZero();
        assertThat(echoed.bufferedBytes()).isEqualTo(MuxLimits.MAX_WINDOW);
        assertThat(stream.sendCredit()).isZero();
        assertThat(writer.offset).isLessThan(payload.length);

        tunnel.listenerWritable = true;
        tunnel.listener.tunnelWritable();
        do {
            writer.writeWhileWritable();
        } while (tunnel.pump() > 0);
        assertThat(writer.offset).isEqualTo(payload.length);
        assertThat(client.received.toByteArray()).isEqualTo(payload);
    }

    /** A socket reader's loop: chunks into the stream while it says it is writable. */
    private static final class Writer {
        final MuxStream stream;
        final byte[] payload;
        int offset;

        Writer(MuxStream stream, byte[] payload) {
            this.stream = stream;
            this.payload = payload;
        }

        void writeWhileWritable() {
            while (offset < payload.length && stream.isWritable()) {
                int n = Math.min(CHUNK, payload.length - offset);
                stream.write(java.util.Arrays.copyOfRange(payload, offset, offset + n));
                offset += n;
            }
        }
    }
}
