package io.pqagent.qsmp.transport;

import static io.pqagent.qsmp.transport.TransportFixture.context;
import static io.pqagent.qsmp.transport.TransportFixture.key;
import static io.pqagent.qsmp.transport.WellBehavedClient.SET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pqagent.qsmp.handshake.ClientHandshake;
import io.pqagent.qsmp.handshake.DuplexClientHandshake;
import io.pqagent.qsmp.handshake.HandshakeMachine;
import io.pqagent.qsmp.handshake.Mode;
import io.pqagent.qsmp.handshake.SimplexClientHandshake;
import io.pqagent.qsmp.handshake.Step;
import io.pqagent.qsmp.wire.LittleEndian;
import io.pqagent.qsmp.wire.PacketHeader;
import io.pqagent.qsmp.wire.QsmpError;
import io.pqagent.qsmp.wire.QsmpException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The handshake deadline (1 s here): a peer that says nothing, or stops in the middle of a packet or
 * between packets, is dropped, on the server and on the client. The waits below are generous hang
 * guards; nothing is asserted about how soon after the deadline the drop happens.
 */
class HandshakeDeadlineTest {
    private static final Duration DEADLINE = Duration.ofSeconds(1);
    private static final Duration BOUND = Duration.ofSeconds(10);
    private static final TransportSettings HURRIED = TransportSettings.DEFAULTS.withHandshakeTimeout(DEADLINE);
    private static QsmpNetwork net;

    /** What a stalling client sends before it goes quiet. */
    enum Stall {
        NOTHING,
        HALF_A_HEADER,
        HEADER_AND_HALF_THE_PAYLOAD,
        HEADER_ALONE_CLAIMING_FOUR_GIBIBYTES,
        FIRST_PACKET_THEN_SILENCE_AFTER_THE_ANSWER
    }

    @BeforeAll
    static void start() {
        net = QsmpNetwork.create(2, 2);
    }

    @AfterAll
    static void stop() {
        net.close();
    }

    static Stream<Arguments> stalls() {
        List<Arguments> out = new ArrayList<>();
        for (Mode mode : List.of(Mode.DUPLEX, Mode.SIMPLEX)) {
            for (Stall stall : Stall.values()) {
                out.add(Arguments.of(mode, stall));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("stalls")
    void serverDropsAStallingClientAtTheDeadline(Mode mode, Stall stall) throws Exception {
        TransportFixture.Recorder atServer = new TransportFixture.Recorder(true);
        try (QsmpServer server = mode == Mode.DUPLEX ? WellBehavedClient.duplexEchoServer(net, HURRIED, atServer)
                : WellBehavedClient.simplexEchoServer(net, HURRIED, atServer)) {
            HandshakeMachine machine = mode == Mode.DUPLEX
                    ? new DuplexClientHandshake(context(SET), key(SET, "sender"), key(SET, "listener").publicRecord())
                    : new SimplexClientHandshake(context(SET), key(SET, "server").publicRecord());
            byte[] request = ((Step.Send) ((ClientHandshake) machine).start()).packet();
            try (RawConnection raw = RawConnection.connect(TransportFixture.at(server))) {
                switch (stall) {
                    case NOTHING -> { }
                    case HALF_A_HEADER -> raw.write(Arrays.copyOf(request, PacketHeader.SIZE / 2));
                    case HEADER_AND_HALF_THE_PAYLOAD -> raw.write(Arrays.copyOf(request,
                            PacketHeader.SIZE + (request.length - PacketHeader.SIZE) / 2));
                    case HEADER_ALONE_CLAIMING_FOUR_GIBIBYTES -> {
                        byte[] header = Arrays.copyOf(request, PacketHeader.SIZE);
                        LittleEndian.putInt(header, 1, 0xFFFFFFFF);
                        raw.write(header); // only the step's own size is awaited (§2.5), never 4 GiB
                    }
                    case FIRST_PACKET_THEN_SILENCE_AFTER_THE_ANSWER -> {
                        raw.write(request);
                        machine.process(raw.readFor(machine, BOUND));
                    }
                }
                assertThat(raw.awaitClosedByPeer(BOUND)).as("dropped by the server").isNotNegative();
            }
            TunnelClosed end = atServer.ends.poll(BOUND.toSeconds(), TimeUnit.SECONDS);
            assertThat(end).isNotNull();
            assertThat(end.error()).as(end.toString()).isEqualTo(QsmpError.RECEIVE_FAILURE);
            assertThat(end.reason()).contains("not completed within");
            Poll.until("no handshake left in progress", BOUND, () -> server.handshakesInProgress() == 0);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    void clientGivesUpOnASilentServerAtTheDeadline(Mode mode) throws Exception {
        try (ServerSocket listening = new ServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Long> silentServer = CompletableFuture.supplyAsync(() -> {
                try (RawConnection raw = RawConnection.accepted(listening.accept())) {
                    return raw.awaitClosedByPeer(BOUND); // reads the connect request, answers nothing
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            InetSocketAddress address = new InetSocketAddress(listening.getInetAddress(), listening.getLocalPort());
            CompletableFuture<Tunnel> client = mode == Mode.DUPLEX
                    ? net.connectDuplex(context(SET), key(SET, "sender"), key(SET, "listener").publicRecord(), address,
                            HURRIED, TunnelHandler.ignoring())
                    : net.connectSimplex(context(SET), key(SET, "server").publicRecord(), address, HURRIED,
                            TunnelHandler.ignoring());
            assertThatThrownBy(() -> client.get(BOUND.toSeconds(), TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(QsmpException.class)
                    .message().contains("not completed within");
            assertThat(silentServer.get(BOUND.toSeconds(), TimeUnit.SECONDS)).as("client hung up").isNotNegative();
        }
    }

    static Stream<Mode> modes() {
        return Stream.of(Mode.DUPLEX, Mode.SIMPLEX);
    }
}
