package io.pqagent.qsmp.transport;

import static io.pqagent.qsmp.transport.TransportFixture.context;
import static io.pqagent.qsmp.transport.TransportFixture.key;
import static io.pqagent.qsmp.transport.WellBehavedClient.PATIENT;
import static io.pqagent.qsmp.transport.WellBehavedClient.SET;
import static io.pqagent.qsmp.transport.WellBehavedClient.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import io.pqagent.qsmp.handshake.ClientHandshake;
import io.pqagent.qsmp.handshake.DuplexClientHandshake;
import io.pqagent.qsmp.handshake.DuplexServerHandshake;
import io.pqagent.qsmp.handshake.HandshakeMachine;
import io.pqagent.qsmp.handshake.KeyQuery;
import io.pqagent.qsmp.handshake.Mode;
import io.pqagent.qsmp.handshake.SimplexClientHandshake;
import io.pqagent.qsmp.handshake.SimplexServerHandshake;
import io.pqagent.qsmp.handshake.Step;
import io.pqagent.qsmp.wire.QsmpException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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
 * A peer that drives the real handshake machine over a raw socket and then disconnects after a given
 * step, with an orderly FIN or a reset. The Java side must end that connection promptly (no hang, no
 * waiting for the handshake deadline, which is set far beyond the test's waits), report it, keep its
 * counters right and go on serving others.
 */
class HandshakeFaultTest {
    /** Duplex client steps: connect request, read connect response, exchange request, read exchange response, establish request. */
    private static final List<String> DUPLEX_CLIENT_STEPS = List.of("connect request sent", "connect response read",
            "exchange request sent", "exchange response read", "establish request sent");
    private static final List<String> SIMPLEX_CLIENT_STEPS = List.of("connect request sent", "connect response read",
            "exchange request sent");
    /** Duplex server steps; step 0 is accepting and closing before reading anything. */
    private static final List<String> DUPLEX_SERVER_STEPS = List.of("accepted", "connect request read",
            "connect response sent", "exchange request read", "exchange response sent", "establish request read");
    private static final List<String> SIMPLEX_SERVER_STEPS = List.of("accepted", "connect request read",
            "connect response sent", "exchange request read");

    private static QsmpNetwork net;

    @BeforeAll
    static void start() {
        net = QsmpNetwork.create(2, 2);
    }

    @AfterAll
    static void stop() {
        net.close();
    }

    static Stream<Arguments> clientStops() {
        List<Arguments> out = new ArrayList<>();
        for (boolean reset : List.of(false, true)) {
            for (int i = 0; i < DUPLEX_CLIENT_STEPS.size(); i++) {
                out.add(Arguments.of(Mode.DUPLEX, i + 1, DUPLEX_CLIENT_STEPS.get(i), reset));
            }
            for (int i = 0; i < SIMPLEX_CLIENT_STEPS.size(); i++) {
                out.add(Arguments.of(Mode.SIMPLEX, i + 1, SIMPLEX_CLIENT_STEPS.get(i), reset));
            }
        }
        return out.stream();
    }

    static Stream<Arguments> serverStops() {
        List<Arguments> out = new ArrayList<>();
        for (boolean reset : List.of(false, true)) {
            for (int i = 0; i < DUPLEX_SERVER_STEPS.size(); i++) {
                out.add(Arguments.of(Mode.DUPLEX, i, DUPLEX_SERVER_STEPS.get(i), reset));
            }
            for (int i = 0; i < SIMPLEX_SERVER_STEPS.size(); i++) {
                out.add(Arguments.of(Mode.SIMPLEX, i, SIMPLEX_SERVER_STEPS.get(i), reset));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} client gone after: {2}, reset={3}")
    @MethodSource("clientStops")
    void serverRecordsAClientThatDisconnectsMidHandshakeAndServesTheNext(Mode mode, int stopAfter, String step,
            boolean reset) throws Exception {
        TransportFixture.Recorder atServer = new TransportFixture.Recorder(true);
        try (QsmpServer server = mode == Mode.DUPLEX ? WellBehavedClient.duplexEchoServer(net, PATIENT, atServer)
                : WellBehavedClient.simplexEchoServer(net, PATIENT, atServer)) {
            HandshakeMachine machine = mode == Mode.DUPLEX
                    ? new DuplexClientHandshake(context(SET), key(SET, "sender"), key(SET, "listener").publicRecord())
                    : new SimplexClientHandshake(context(SET), key(SET, "server").publicRecord());
            try (RawConnection raw = RawConnection.connect(TransportFixture.at(server))) {
                driveClient(raw, machine, stopAfter);
                if (reset) {
                    raw.abort();
                }
            }

            TunnelClosed end = atServer.ends.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(end).as("server's onClosed for the client gone after " + step).isNotNull();
            assertThat(end.orderly()).as(end.toString()).isFalse();
            assertThat(end.reason()).doesNotContain("not completed within");
            Poll.until("no handshake in progress and no tunnel", WAIT,
                    () -> server.handshakesInProgress() == 0 && server.tunnels().isEmpty(),
                    () -> server.handshakesInProgress() + " handshakes, " + server.tunnels().size() + " tunnels");

            if (mode == Mode.DUPLEX) {
                WellBehavedClient.duplexRoundTripAndClose(net, server);
            } else {
                WellBehavedClient.simplexRoundTripAndClose(net, server);
            }
            TunnelClosed normal = atServer.ends.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(normal).isNotNull();
            assertThat(normal.orderly()).as(normal.toString()).isTrue();
        }
    }

    @ParameterizedTest(name = "{0} server gone after: {2}, reset={3}")
    @MethodSource("serverStops")
    void clientFailsWithAQsmpExceptionWhenTheServerDisconnectsMidHandshake(Mode mode, int stopAfter, String step,
            boolean reset) throws Exception {
        try (ServerSocket listening = new ServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
            HandshakeMachine machine = mode == Mode.DUPLEX
                    ? new DuplexServerHandshake(context(SET), key(SET, "listener"),
                            KeyQuery.of(key(SET, "sender").verificationKey()), null)
                    : new SimplexServerHandshake(context(SET), key(SET, "server"));
            CompletableFuture<Void> rawServer = CompletableFuture.runAsync(() -> {
                try (RawConnection raw = RawConnection.accepted(listening.accept())) {
                    driveServer(raw, machine, stopAfter);
                    if (reset) {
                        raw.abort();
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            InetSocketAddress address = new InetSocketAddress(listening.getInetAddress(), listening.getLocalPort());
            CompletableFuture<Tunnel> client = mode == Mode.DUPLEX
                    ? net.connectDuplex(context(SET), key(SET, "sender"), key(SET, "listener").publicRecord(), address,
                            PATIENT, TunnelHandler.ignoring())
                    : net.connectSimplex(context(SET), key(SET, "server").publicRecord(), address, PATIENT,
                            TunnelHandler.ignoring());

            // a reset right after accept() can reach the client while its TCP connect is still
            // completing: that is the documented IOException of a failed connect, not a protocol failure
            var failure = assertThatThrownBy(() -> client.get(WAIT.toSeconds(), TimeUnit.SECONDS))
                    .as("client whose server went away after " + step)
                    .isInstanceOf(ExecutionException.class)
                    .cause();
            if (stopAfter == 0 && reset) {
                failure.isInstanceOfAny(QsmpException.class, java.io.IOException.class);
            } else {
                failure.isInstanceOf(QsmpException.class);
            }
            failure.message().doesNotContain("not completed within");
            rawServer.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    void clientFailsWithAQsmpExceptionWhenTheServerAnswersGarbage(Mode mode) throws Exception {
        try (ServerSocket listening = new ServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> rawServer = CompletableFuture.runAsync(() -> {
                try (RawConnection raw = RawConnection.accepted(listening.accept())) {
                    byte[] garbage = new byte[64 * 1024];
                    new Random(42).nextBytes(garbage);
                    garbage[0] = 0x02; // not the error flag: the client must judge the header itself
                    raw.writeIgnoringReset(garbage);
                    raw.awaitClosedByPeer(WAIT);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            InetSocketAddress address = new InetSocketAddress(listening.getInetAddress(), listening.getLocalPort());
            CompletableFuture<Tunnel> client = mode == Mode.DUPLEX
                    ? net.connectDuplex(context(SET), key(SET, "sender"), key(SET, "listener").publicRecord(), address,
                            PATIENT, TunnelHandler.ignoring())
                    : net.connectSimplex(context(SET), key(SET, "server").publicRecord(), address, PATIENT,
                            TunnelHandler.ignoring());
            assertThatThrownBy(() -> client.get(WAIT.toSeconds(), TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(QsmpException.class);
            rawServer.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    static Stream<Mode> modes() {
        return Stream.of(Mode.DUPLEX, Mode.SIMPLEX);
    }

    /** Sends and reads with the real client machine until {@code stopAfter} sends and reads are done. */
    static void driveClient(RawConnection raw, HandshakeMachine machine, int stopAfter) throws Exception {
        Step step = ((ClientHandshake) machine).start();
        int done = 0;
        while (true) {
            raw.write(sendOf(step));
            if (++done == stopAfter) {
                return;
            }
            step = machine.process(raw.readFor(machine, WAIT));
            if (++done == stopAfter) {
                return;
            }
        }
    }

    /** Reads and answers with the real server machine until {@code stopAfter} reads and sends are done. */
    static void driveServer(RawConnection raw, HandshakeMachine machine, int stopAfter) throws Exception {
        int done = 0;
        while (done < stopAfter) {
            Step step = machine.process(raw.readFor(machine, WAIT));
            if (++done == stopAfter) {
                return;
            }
            raw.write(sendOf(step));
            done++;
        }
    }

    private static byte[] sendOf(Step step) {
        if (step instanceof Step.Send send) {
            return send.packet();
        }
        return fail("the raw peer's machine did not continue: " + step);
    }
}
