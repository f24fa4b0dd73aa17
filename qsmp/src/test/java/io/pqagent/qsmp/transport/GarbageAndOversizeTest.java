package io.pqagent.qsmp.transport;

import static io.pqagent.qsmp.transport.TransportFixture.context;
import static io.pqagent.qsmp.transport.TransportFixture.key;
import static io.pqagent.qsmp.transport.WellBehavedClient.SET;
import static io.pqagent.qsmp.transport.WellBehavedClient.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.pqagent.qsmp.handshake.ClientHandshake;
import io.pqagent.qsmp.handshake.DuplexClientHandshake;
import io.pqagent.qsmp.handshake.HandshakeMachine;
import io.pqagent.qsmp.handshake.Mode;
import io.pqagent.qsmp.handshake.SimplexClientHandshake;
import io.pqagent.qsmp.handshake.Step;
import io.pqagent.qsmp.wire.Flag;
import io.pqagent.qsmp.wire.Limits;
import io.pqagent.qsmp.wire.LittleEndian;
import io.pqagent.qsmp.wire.QsmpError;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random bytes and lying {@code msglen} fields, during the handshake and in an established tunnel. The
 * offending connection is closed with the protocol's code; a client already connected keeps working
 * and a new one still connects. Keep-alives are off and the handshake deadline is far away, so every
 * close seen here is the decoder's or the machine's own decision, and nothing the server sends can be
 * mistaken for an answer.
 */
class GarbageAndOversizeTest {
    private static final TransportSettings QUIET = WellBehavedClient.PATIENT
            .withKeepAlive(Duration.ZERO, TransportSettings.DEFAULTS.keepAliveTimeout());
    private static QsmpNetwork net;

    @BeforeAll
    static void start() {
        net = QsmpNetwork.create(2, 2);
    }

    @AfterAll
    static void stop() {
        net.close();
    }

    static Stream<Arguments> modesAndSeeds() {
        List<Arguments> out = new ArrayList<>();
        for (Mode mode : List.of(Mode.DUPLEX, Mode.SIMPLEX)) {
            for (long seed : List.of(1L, 2L, 3L, 4L)) {
                out.add(Arguments.of(mode, seed));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("modesAndSeeds")
    void randomBytesInsteadOfAHandshakeAreDroppedWithoutDisturbingOthers(Mode mode, long seed) throws Exception {
        TransportFixture.Recorder atServer = new TransportFixture.Recorder(true);
        try (QsmpServer server = echoServer(mode, atServer)) {
            WellBehavedClient.Open bystander = open(mode, server);
            byte[] garbage = new byte[64 * 1024];
            new Random(seed).nextBytes(garbage);
            try (RawConnection raw = RawConnection.connect(TransportFixture.at(server))) {
                raw.writeIgnoringReset(garbage);
                assertThat(raw.awaitClosedByPeer(WAIT)).as("closed by the server").isNotNegative();
            }
            TunnelClosed end = atServer.ends.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(end).isNotNull();
            assertThat(end.orderly()).as(end.toString()).isFalse();

            assertOthersUnaffected(mode, server, bystander);
        }
    }

    /**
     * QSMP-WIRE §3.1 check 3: a handshake header whose msglen is not the step's size is refused with
     * receive_failure; the Simplex server reports every connect-request header failure as
     * packet_unsequenced (§3.3 step 2). Only the step's own size is ever read (§2.5).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    void handshakeHeaderClaimingFourGibibytesIsRefusedWithTheProtocolsCode(Mode mode) throws Exception {
        TransportFixture.Recorder atServer = new TransportFixture.Recorder(true);
        try (QsmpServer server = echoServer(mode, atServer)) {
            WellBehavedClient.Open bystander = open(mode, server);
            HandshakeMachine machine = mode == Mode.DUPLEX
                    ? new DuplexClientHandshake(context(SET), key(SET, "sender"), key(SET, "listener").publicRecord())
                    : new SimplexClientHandshake(context(SET), key(SET, "server").publicRecord());
            byte[] request = ((Step.Send) ((ClientHandshake) machine).start()).packet();
            LittleEndian.putInt(request, 1, 0xFFFFFFFF);
            QsmpError expected = mode == Mode.DUPLEX ? QsmpError.RECEIVE_FAILURE : QsmpError.PACKET_UNSEQUENCED;
            try (RawConnection raw = RawConnection.connect(TransportFixture.at(server))) {
                raw.write(request);
                byte[] answer = raw.readFor(machine, WAIT);
                assertThat(answer[0] & 0xFF).as("flag of the answer").isEqualTo(Flag.ERROR_CONDITION.code());
                assertThat(answer[answer.length - 1] & 0xFF).as("error code sent").isEqualTo(expected.code());
                assertThat(raw.awaitClosedByPeer(WAIT)).as("closed after the error packet").isZero();
            }
            TunnelClosed end = atServer.ends.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(end).isNotNull();
            assertThat(end.error()).as(end.toString()).isEqualTo(expected);

            assertOthersUnaffected(mode, server, bystander);
        }
    }

    static Stream<Arguments> oversizedTunnelClaims() {
        long max = Limits.DEFAULT_MAX_TUNNEL_MESSAGE;
        return Stream.of(
                Arguments.of(Limits.DEFAULT, 0xFFFFFFFFL),
                Arguments.of(Limits.DEFAULT, max + 1),
                Arguments.of(new Limits(4096), 4097L),
                Arguments.of(new Limits(4096), 0x80000000L));
    }

    /**
     * Profile rule 11: a tunnel header claiming more than the limit closes the connection with
     * receive_failure as soon as the header is in, before any payload arrives (none is ever sent here),
     * and nothing is sent back (rule 8).
     */
    @ParameterizedTest(name = "limit {0}, msglen {1}")
    @MethodSource("oversizedTunnelClaims")
    void tunnelHeaderClaimingMoreThanTheLimitIsRefusedAtOnce(Limits limits, long msglen) throws Exception {
        TransportSettings settings = new TransportSettings(QUIET.handshakeTimeout(), QUIET.maxConcurrentHandshakes(),
                QUIET.maxSessions(), limits, QUIET.keepAliveInterval(), QUIET.keepAliveTimeout());
        TransportFixture.Recorder atServer = new TransportFixture.Recorder(true);
        try (QsmpServer server = WellBehavedClient.simplexEchoServer(net, settings, atServer)) {
            WellBehavedClient.Open bystander = WellBehavedClient.simplexOpen(net, server);
            try (RawSimplexClient client = RawSimplexClient.establish(TransportFixture.at(server))) {
                client.roundTrip("a real message first".getBytes(StandardCharsets.US_ASCII));
                client.raw.write(client.nextHeader(Flag.ENCRYPTED_MESSAGE, msglen).encode());
                assertThat(client.raw.awaitClosedByPeer(WAIT)).as("bytes sent back before the close").isZero();
            }
            TunnelClosed end = atServer.ends.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(end).isNotNull();
            assertThat(end.error()).as(end.toString()).isEqualTo(QsmpError.RECEIVE_FAILURE);
            assertThat(end.reason()).contains("exceeds");

            assertOthersUnaffected(Mode.SIMPLEX, server, bystander);
        }
    }

    /** Well framed, in sequence, in time, but not authentic: rule 8, close and say nothing. */
    @Test
    void forgedTunnelPacketIsAnAuthenticationFailure() throws Exception {
        TransportFixture.Recorder atServer = new TransportFixture.Recorder(true);
        try (QsmpServer server = WellBehavedClient.simplexEchoServer(net, QUIET, atServer)) {
            WellBehavedClient.Open bystander = WellBehavedClient.simplexOpen(net, server);
            try (RawSimplexClient client = RawSimplexClient.establish(TransportFixture.at(server))) {
                client.roundTrip("a real message first".getBytes(StandardCharsets.US_ASCII));
                byte[] forged = new byte[21 + 100];
                new Random(7).nextBytes(forged);
                client.nextHeader(Flag.ENCRYPTED_MESSAGE, 100).encodeInto(forged, 0);
                client.raw.write(forged);
                assertThat(client.raw.awaitClosedByPeer(WAIT)).as("bytes sent back before the close").isZero();
            }
            TunnelClosed end = atServer.ends.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(end).isNotNull();
            assertThat(end.error()).as(end.toString()).isEqualTo(QsmpError.AUTHENTICATION_FAILURE);

            assertOthersUnaffected(Mode.SIMPLEX, server, bystander);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void randomBytesInAnEstablishedTunnelCloseItWithoutDisturbingOthers(long seed) throws Exception {
        TransportFixture.Recorder atServer = new TransportFixture.Recorder(true);
        try (QsmpServer server = WellBehavedClient.simplexEchoServer(net, QUIET, atServer)) {
            WellBehavedClient.Open bystander = WellBehavedClient.simplexOpen(net, server);
            byte[] garbage = new byte[64 * 1024];
            new Random(seed).nextBytes(garbage);
            try (RawSimplexClient client = RawSimplexClient.establish(TransportFixture.at(server))) {
                client.roundTrip("a real message first".getBytes(StandardCharsets.US_ASCII));
                client.raw.writeIgnoringReset(garbage);
                assertThat(client.raw.awaitClosedByPeer(WAIT)).as("bytes sent back before the close").isZero();
            }
            TunnelClosed end = atServer.ends.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(end).isNotNull();
            assertThat(end.orderly()).as(end.toString()).isFalse();

            assertOthersUnaffected(Mode.SIMPLEX, server, bystander);
        }
    }

    static Stream<Mode> modes() {
        return Stream.of(Mode.DUPLEX, Mode.SIMPLEX);
    }

    static Stream<Long> seeds() {
        return Stream.of(11L, 12L, 13L, 14L);
    }

    private static QsmpServer echoServer(Mode mode, TunnelHandler handler) {
        return mode == Mode.DUPLEX ? WellBehavedClient.duplexEchoServer(net, QUIET, handler)
                : WellBehavedClient.simplexEchoServer(net, QUIET, handler);
    }

    private static WellBehavedClient.Open open(Mode mode, QsmpServer server) throws Exception {
        return mode == Mode.DUPLEX ? WellBehavedClient.duplexOpen(net, server) : WellBehavedClient.simplexOpen(net, server);
    }

    /** The client connected before the fault still echoes; a new one connects; no handshake is left over. */
    private static void assertOthersUnaffected(Mode mode, QsmpServer server, WellBehavedClient.Open bystander)
            throws Exception {
        bystander.roundTrip("still here");
        open(mode, server).closeOrderly();
        assertThat(bystander.tunnel().isOpen()).isTrue();
        Poll.until("no handshake left in progress", WAIT, () -> server.handshakesInProgress() == 0);
        bystander.closeOrderly();
    }
}
