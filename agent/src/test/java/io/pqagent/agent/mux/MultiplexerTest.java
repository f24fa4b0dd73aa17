package io.pqagent.agent.mux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MultiplexerTest {

    /** The acceptor of most tests: "echo" echoes, "sink" stalls, "refuse" is refused like a closed port. */
    static final class Services implements StreamAcceptor {
        final Map<Integer, RecordingHandler> accepted = new HashMap<>();
        final List<MuxStream> deferred = new ArrayList<>();

        @Override
        public void onOpen(MuxStream stream) {
            switch (stream.service()) {
                case "echo" -> accept(stream, new EchoHandler());
                case "sink" -> {
                    RecordingHandler sink = new RecordingHandler();
                    sink.stalled = true;
                    accept(stream, sink);
                }
                case "refuse" -> stream.reset(ResetCode.CONNECTION_REFUSED, "connect 10.0.0.5:502: refused");
                case "later" -> deferred.add(stream);
                default -> stream.reset(ResetCode.UNKNOWN_SERVICE, "no service " + stream.service());
            }
        }

        private void accept(MuxStream stream, RecordingHandler handler) {
            handler.stream = stream;
            accepted.put(stream.id(), handler);
            assertThat(stream.accept(handler)).isTrue();
        }
    }

    private static SendingHandler openSending(Multiplexer mux, String service, byte[] payload) {
        SendingHandler handler = new SendingHandler(payload, 8 * 1024);
        MuxStream stream = mux.open(service, new byte[0], handler);
        handler.pumpWrites(stream);
        return handler;
    }

    @Test
    void carries200ConcurrentStreamsOfRandomSizesIntactBothWays() {
        Services services = new Services();
        InMemoryTunnel tunnel = new InMemoryTunnel(MuxSettings.DEFAULT, services, services, ControlListener.NONE,
                ControlListener.NONE, 42);
        Random random = new Random(7);
        List<SendingHandler> clients = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            byte[] payload = new byte[random.nextInt(i % 10 == 0 ? 600_000 : 20_000)];
            random.nextBytes(payload);
            // half the streams from each side, so both id spaces and both directions are exercised
            clients.add(openSending(i % 2 == 0 ? tunnel.dialer : tunnel.listener, "echo", payload));
        }
        tunnel.pump();

        for (SendingHandler client : clients) {
            assertThat(client.violations).isEmpty();
            assertThat(client.resetCode).isNull();
            assertThat(client.opened).isTrue();
            assertThat(client.remoteClosed).as("echo closed after its data").isTrue();
            assertThat(client.received.toByteArray()).isEqualTo(client.payload);
            assertThat(client.stream.state()).isEqualTo(StreamState.CLOSED);
        }
        assertThat(services.accepted).hasSize(200);
        services.accepted.values().forEach(echo -> assertThat(echo.violations).isEmpty());
        assertThat(tunnel.dialer.streamCount()).isZero();
        assertThat(tunnel.listener.streamCount()).isZero();
        long total = clients.stream().mapToLong(c -> c.payload.length).sum();
        long sentByDialer = tunnel.dialer.serviceCounters().get("echo").bytesSent();
        long sentByListener = tunnel.listener.serviceCounters().get("echo").bytesSent();
        assertThat(sentByDialer + sentByListener).isEqualTo(2 * total);
        assertThat(tunnel.dialer.serviceCounters().get("echo").streamsOpened()).isEqualTo(200);
    }

    @Test
    void aStalledConsumerStopsItsStreamAtTheWindowWhileOthersComplete() {
        Services services = new Services();
        InMemoryTunnel tunnel = new InMemoryTunnel(services);
        SendingHandler stalled = openSending(tunnel.dialer, "sink", new byte[4 * 1024 * 1024]);
        List<SendingHandler> others = new ArrayList<>();
        Random random = new Random(3);
        for (int i = 0; i < 20; i++) {
            byte[] payload = new byte[300_000];
            random.nextBytes(payload);
            others.add(openSending(tunnel.dialer, "echo", payload));
        }
        tunnel.pump();

        for (SendingHandler other : others) {
            assertThat(other.received.toByteArray()).isEqualTo(other.payload);
            assertThat(other.remoteClosed).isTrue();
        }
        RecordingHandler sink = services.accepted.get(stalled.stream.id());
        assertThat(sink.stream.bufferedBytes()).isEqualTo(MuxLimits.MAX_WINDOW);
        assertThat(sink.received.size()).isEqualTo(MuxLimits.MAX_WINDOW);
        // the writer was told to stop and never held more than a write beyond the high-water mark
        assertThat(stalled.everBlocked).isTrue();
        assertThat(stalled.allWritten()).isFalse();
        assertThat(stalled.maxPendingSeen).isLessThan(MuxSettings.DEFAULT.writeHighWater() + 8 * 1024);
        assertThat(stalled.stream.sendCredit()).isZero();

        // once the consumer takes its bytes the stream completes too
        sink.unstall();
        sink.stalled = false;
        tunnel.pump();
        while (!stalled.allWritten() || sink.stream.bufferedBytes() > 0) {
            sink.unstall();
            tunnel.pump();
        }
        tunnel.pump();
        assertThat(sink.received.toByteArray()).isEqualTo(stalled.payload);
        assertThat(sink.remoteClosed).isTrue();
    }

    /**
     * The echo-RTT requirement without a clock: the tunnel bytes that pass between an echo request and
     * its reply stand for the time on a link of fixed bandwidth. Stalled streams sit at their window
     * with nothing queued in the tunnel, so the echo costs what it costs on an idle tunnel.
     */
    @Test
    void stalledStreamsDoNotDelayAnotherStreamsEcho() {
        long baseline = echoCostInTunnelBytes(0);
        long withStalled = echoCostInTunnelBytes(10);
        assertThat(withStalled).isLessThanOrEqualTo(2 * baseline);
    }

    private static long echoCostInTunnelBytes(int stalledStreams) {
        Services services = new Services();
        InMemoryTunnel tunnel = new InMemoryTunnel(services);
        for (int i = 0; i < stalledStreams; i++) {
            openSending(tunnel.dialer, "sink", new byte[2 * 1024 * 1024]);
        }
        RecordingHandler client = new RecordingHandler();
        MuxStream echo = tunnel.dialer.open("echo", new byte[0], client);
        tunnel.pump();
        assertThat(client.opened).isTrue();
        long before = tunnel.bytesDelivered;
        echo.write(new byte[100]);
        while (client.received.size() < 100) {
            assertThat(tunnel.deliverOne()).as("the echo must come back").isTrue();
        }
        return tunnel.bytesDelivered - before;
    }

    @Test
    void aBusyStreamDoesNotStarveAnotherInTheSameMessages() {
        // A bulk stream with megabytes queued and a small stream written after it: the small stream's
        // bytes must go out in the first tunnel message that carries data, not after the bulk.
        Services services = new Services();
        InMemoryTunnel tunnel = new InMemoryTunnel(services);
        tunnel.dialerWritable = false;
        SendingHandler bulk = openSending(tunnel.dialer, "sink", new byte[200_000]);
        SendingHandler small = openSending(tunnel.dialer, "sink", new byte[100]);
        tunnel.dialerWritable = true;
        tunnel.dialer.tunnelWritable();
        byte[] first = tunnel.takeFromDialer();
        List<Integer> dataStreams = new ArrayList<>();
        try {
            for (MuxFrame frame : MuxCodec.decode(first)) {
                if (frame instanceof MuxFrame.Data data) {
                    dataStreams.add(data.streamId());
                }
            }
        } catch (MuxException e) {
            throw new AssertionError(e);
        }
        assertThat(dataStreams).contains(bulk.stream.id(), small.stream.id());
    }

    @Test
    void aRefusedOpenResetsTheOpenerPromptly() {
        Services services = new Services();
        InMemoryTunnel tunnel = new InMemoryTunnel(services);
        RecordingHandler client = new RecordingHandler();
        MuxStream stream = tunnel.dialer.open("refuse", new byte[0], client);
        stream.write(new byte[1000]); // the client may already have sent its request
        assertThat(tunnel.deliverAllToListener()).isPositive(); // OPEN and the data reach the listener
        assertThat(tunnel.deliverOneToDialer()).isTrue(); // its first answer is the RESET
        assertThat(client.resetCode).isEqualTo(ResetCode.CONNECTION_REFUSED);
        assertThat(client.resetText).contains("refused");
        assertThat(stream.state()).isEqualTo(StreamState.RESET);
        assertThat(tunnel.dialer.streamCount()).isZero();
        tunnel.pump();
        assertThat(tunnel.listener.streamCount()).isZero();
    }

    @Test
    void anAcceptorMayDecideLaterAndDataWaitsWithinTheInitialWindow() {
        Services services = new Services();
        InMemoryTunnel tunnel = new InMemoryTunnel(services);
        SendingHandler client = openSending(tunnel.dialer, "later", new byte[200_000]);
        tunnel.pump();
        MuxStream pending = services.deferred.get(0);
        assertThat(pending.state()).isEqualTo(StreamState.AWAITING_ACCEPT);
        assertThat(pending.bufferedBytes()).isEqualTo(MuxLimits.INITIAL_WINDOW);
        assertThat(client.opened).isFalse();

        EchoHandler echo = new EchoHandler();
        assertThat(pending.accept(echo)).isTrue();
        tunnel.pump();
        assertThat(client.opened).isTrue();
        assertThat(client.received.toByteArray()).isEqualTo(client.payload);

        // refusing later works the same way
        RecordingHandler second = new RecordingHandler();
        tunnel.dialer.open("later", new byte[0], second);
        tunnel.pump();
        services.deferred.get(1).reset(ResetCode.TARGET_UNREACHABLE, "timeout");
        tunnel.pump();
        assertThat(second.resetCode).isEqualTo(ResetCode.TARGET_UNREACHABLE);
    }

    @Test
    void unknownServicesAreReset() {
        InMemoryTunnel tunnel = new InMemoryTunnel(new Services());
        RecordingHandler client = new RecordingHandler();
        tunnel.dialer.open("nothing-here", "param".getBytes(), client);
        tunnel.pump();
        assertThat(client.resetCode).isEqualTo(ResetCode.UNKNOWN_SERVICE);
    }

    @Test
    void theOpenParameterReachesTheAcceptor() {
        List<byte[]> seen = new ArrayList<>();
        InMemoryTunnel tunnel = new InMemoryTunnel(stream -> {
            seen.add(stream.parameter());
            stream.reset(ResetCode.POLICY_DENIED, "no");
        });
        tunnel.dialer.open("svc", new byte[] {10, 0, 0, 5, 1, (byte) 0xF6}, new RecordingHandler());
        tunnel.pump();
        assertThat(seen).singleElement().isEqualTo(new byte[] {10, 0, 0, 5, 1, (byte) 0xF6});
    }

    @Test
    void losingTheTunnelResetsEveryStreamOnBothSides() {
        Services services = new Services();
        InMemoryTunnel tunnel = new InMemoryTunnel(services);
        List<SendingHandler> clients = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            clients.add(openSending(tunnel.dialer, i % 2 == 0 ? "sink" : "later", new byte[100_000]));
        }
        for (int i = 0; i < 6; i++) {
            tunnel.deliverOne();
        }
        tunnel.loseTunnel();

        for (SendingHandler client : clients) {
            assertThat(client.resetCode).isEqualTo(ResetCode.TUNNEL_LOST);
            assertThat(client.violations).isEmpty();
        }
        assertThat(services.accepted).isNotEmpty();
        services.accepted.values().forEach(h -> assertThat(h.resetCode).isEqualTo(ResetCode.TUNNEL_LOST));
        services.deferred.forEach(s -> {
            assertThat(s.state()).isEqualTo(StreamState.RESET);
            assertThat(s.accept(new RecordingHandler())).as("accept after loss").isFalse();
        });
        assertThat(tunnel.dialer.streamCount()).isZero();
        assertThat(tunnel.listener.streamCount()).isZero();
        assertThat(clients.get(0).stream.write(new byte[1])).isFalse();
        assertThatThrownBy(() -> tunnel.dialer.open("echo", new byte[0], new RecordingHandler()))
                .isInstanceOf(IllegalStateException.class);
    }

    /** A listener multiplexer fed raw frames, its output decoded: for peers that break the rules. */
    static final class RawPeer {
        final List<MuxFrame> sent = new ArrayList<>();
        final Services services = new Services();
        final List<RatchetKind> ratchets = new ArrayList<>();
        final List<Long> pongs = new ArrayList<>();
        final Multiplexer mux;

        RawPeer(MuxRole role) {
            mux = new Multiplexer(role, MuxSettings.DEFAULT, new FrameSink() {
                @Override
                public void send(byte[] message) {
                    try {
                        sent.addAll(MuxCodec.decode(message));
                    } catch (MuxException e) {
                        throw new AssertionError(e);
                    }
                }

                @Override
                public boolean isWritable() {
                    return true;
                }
            }, services, new ControlListener() {
                @Override
                public void onRatchetRequest(RatchetKind kind) {
                    ratchets.add(kind);
                }

                @Override
                public void onPong(long token) {
                    pongs.add(token);
                }
            });
        }

        void receive(MuxFrame... frames) throws MuxException {
            mux.onMessage(MuxCodec.encode(List.of(frames)));
        }

        List<MuxFrame.Reset> resets() {
            return sent.stream().filter(MuxFrame.Reset.class::isInstance).map(MuxFrame.Reset.class::cast).toList();
        }
    }

    @Test
    void dataBeyondTheWindowResetsThatStreamOnly() throws MuxException {
        RawPeer peer = new RawPeer(MuxRole.LISTENER);
        peer.receive(new MuxFrame.Open(1, "sink", new byte[0]), new MuxFrame.Open(3, "sink", new byte[0]));
        byte[] full = new byte[MuxLimits.MAX_DATA];
        for (int i = 0; i < MuxLimits.MAX_WINDOW / MuxLimits.MAX_DATA; i++) {
            peer.receive(new MuxFrame.Data(1, full));
        }
        assertThat(peer.resets()).isEmpty();
        peer.receive(new MuxFrame.Data(1, new byte[1]), new MuxFrame.Data(3, new byte[] {42}));

        assertThat(peer.resets()).singleElement().satisfies(r -> {
            assertThat(r.streamId()).isEqualTo(1);
            assertThat(r.code()).isEqualTo(ResetCode.FLOW_CONTROL_ERROR);
        });
        assertThat(peer.services.accepted.get(1).resetCode).isEqualTo(ResetCode.FLOW_CONTROL_ERROR);
        RecordingHandler other = peer.services.accepted.get(3);
        assertThat(other.resetCode).isNull();
        assertThat(other.received.toByteArray()).containsExactly(42);
        assertThat(peer.mux.streamCount()).isEqualTo(1);
        // late frames for the reset stream are dropped quietly
        peer.receive(new MuxFrame.Data(1, new byte[1]), new MuxFrame.Window(1, 5));
        assertThat(peer.resets()).hasSize(1);
    }

    @Test
    void beforeAcceptOnlyTheInitialWindowMayBeSent() throws MuxException {
        RawPeer peer = new RawPeer(MuxRole.LISTENER);
        peer.receive(new MuxFrame.Open(1, "later", new byte[0]), new MuxFrame.Data(1, new byte[MuxLimits.MAX_DATA]),
                new MuxFrame.Data(1, new byte[1]));
        assertThat(peer.resets()).singleElement()
                .satisfies(r -> assertThat(r.code()).isEqualTo(ResetCode.FLOW_CONTROL_ERROR));
        assertThat(peer.services.deferred.get(0).accept(new RecordingHandler())).isFalse();
    }

    @Test
    void creditBeyondTheMaximumWindowResetsTheStream() throws MuxException {
        RawPeer peer = new RawPeer(MuxRole.LISTENER);
        peer.receive(new MuxFrame.Open(1, "sink", new byte[0]));
        peer.receive(new MuxFrame.Window(1, MuxLimits.MAX_WINDOW - MuxLimits.INITIAL_WINDOW));
        assertThat(peer.resets()).isEmpty();
        peer.receive(new MuxFrame.Window(1, 1));
        assertThat(peer.resets()).singleElement()
                .satisfies(r -> assertThat(r.code()).isEqualTo(ResetCode.FLOW_CONTROL_ERROR));
    }

    @Test
    void dataAfterCloseAndFramesForStreamsNeverOpenedAreReset() throws MuxException {
        RawPeer peer = new RawPeer(MuxRole.LISTENER);
        peer.receive(new MuxFrame.Open(1, "sink", new byte[0]), new MuxFrame.Close(1), new MuxFrame.Data(1, new byte[1]));
        assertThat(peer.services.accepted.get(1).remoteClosed).isTrue();
        assertThat(peer.services.accepted.get(1).resetCode).isEqualTo(ResetCode.STREAM_CLOSED);
        peer.receive(new MuxFrame.Data(99, new byte[1]));
        assertThat(peer.resets()).extracting(MuxFrame.Reset::streamId, MuxFrame.Reset::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, ResetCode.STREAM_CLOSED),
                        org.assertj.core.groups.Tuple.tuple(99, ResetCode.PROTOCOL_ERROR));
    }

    @Test
    void streamIdRulesAreTunnelLevelAndLeaveNoTrace() throws MuxException {
        RawPeer listener = new RawPeer(MuxRole.LISTENER);
        assertMuxError(() -> listener.receive(new MuxFrame.Open(2, "sink", new byte[0])), MuxError.STREAM_ID_PARITY);
        listener.receive(new MuxFrame.Open(5, "sink", new byte[0]));
        assertMuxError(() -> listener.receive(new MuxFrame.Open(7, "sink", new byte[0]),
                new MuxFrame.Open(3, "sink", new byte[0])), MuxError.STREAM_ID_REUSED);
        // the message with the bad OPEN was refused whole: stream 7 was not opened
        assertThat(listener.mux.streamCount()).isEqualTo(1);
        RawPeer dialer = new RawPeer(MuxRole.DIALER);
        assertMuxError(() -> dialer.receive(new MuxFrame.Open(1, "sink", new byte[0])), MuxError.STREAM_ID_PARITY);
        assertMuxError(() -> listener.mux.onMessage(new byte[] {1}), MuxError.EMPTY_MESSAGE);
    }

    @Test
    void onlyTheListeningSideAsksForRatchetsAndTheDialerHearsThem() throws MuxException {
        InMemoryTunnel tunnel;
        List<RatchetKind> asked = new ArrayList<>();
        tunnel = new InMemoryTunnel(MuxSettings.DEFAULT, s -> s.reset(ResetCode.UNKNOWN_SERVICE, ""),
                s -> s.reset(ResetCode.UNKNOWN_SERVICE, ""), asked::add, ControlListener.NONE, 1);
        tunnel.listener.requestRatchet(RatchetKind.ASYMMETRIC);
        tunnel.listener.requestRatchet(RatchetKind.SYMMETRIC);
        tunnel.pump();
        assertThat(asked).containsExactly(RatchetKind.ASYMMETRIC, RatchetKind.SYMMETRIC);
        assertThatThrownBy(() -> tunnel.dialer.requestRatchet(RatchetKind.SYMMETRIC))
                .isInstanceOf(IllegalStateException.class);
        RawPeer listener = new RawPeer(MuxRole.LISTENER);
        assertMuxError(() -> listener.receive(new MuxFrame.RatchetRequest(RatchetKind.SYMMETRIC)),
                MuxError.UNEXPECTED_FRAME);
    }

    @Test
    void pingIsAnsweredWithItsToken() throws MuxException {
        RawPeer dialer = new RawPeer(MuxRole.DIALER);
        dialer.receive(new MuxFrame.Ping(77));
        assertThat(dialer.sent).containsExactly(new MuxFrame.Pong(77));
        dialer.receive(new MuxFrame.Pong(5));
        assertThat(dialer.pongs).containsExactly(5L);
    }

    @Test
    void refusesPeerStreamsBeyondItsLimit() throws MuxException {
        RawPeer peer = new RawPeer(MuxRole.LISTENER);
        int limit = MuxSettings.DEFAULT.maxPeerStreams();
        for (int i = 0; i <= limit; i++) {
            peer.receive(new MuxFrame.Open(2 * i + 1, "sink", new byte[0]));
        }
        assertThat(peer.mux.streamCount()).isEqualTo(limit);
        assertThat(peer.resets()).singleElement().satisfies(r -> {
            assertThat(r.streamId()).isEqualTo(2 * limit + 1);
            assertThat(r.code()).isEqualTo(ResetCode.TOO_MANY_STREAMS);
        });
    }

    @Test
    void nothingIsSentWhileTheTunnelIsNotWritable() {
        Services services = new Services();
        InMemoryTunnel tunnel = new InMemoryTunnel(services);
        tunnel.dialerWritable = false;
        SendingHandler client = openSending(tunnel.dialer, "echo", new byte[1_000_000]);
        assertThat(tunnel.queued()).isZero();
        assertThat(client.everBlocked).isTrue();
        assertThat(client.stream.pendingSendBytes()).isLessThan(MuxSettings.DEFAULT.writeHighWater() + 8 * 1024);
        tunnel.dialerWritable = true;
        tunnel.dialer.tunnelWritable();
        tunnel.pump();
        assertThat(client.received.toByteArray()).isEqualTo(client.payload);
    }

    @Test
    void misuseByTheLocalSideIsRefused() {
        InMemoryTunnel tunnel = new InMemoryTunnel(new Services());
        RecordingHandler handler = new RecordingHandler();
        MuxStream stream = tunnel.dialer.open("sink", null, handler);
        assertThatThrownBy(() -> stream.consumed(1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tunnel.dialer.open("bad name", new byte[0], handler))
                .isInstanceOf(IllegalArgumentException.class);
        stream.close();
        assertThatThrownBy(() -> stream.write(new byte[1])).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> stream.accept(handler)).isInstanceOf(IllegalStateException.class);
    }

    private static void assertMuxError(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, MuxError error) {
        assertThatThrownBy(call).isInstanceOfSatisfying(MuxException.class,
                e -> assertThat(e.error()).isEqualTo(error));
    }
}
