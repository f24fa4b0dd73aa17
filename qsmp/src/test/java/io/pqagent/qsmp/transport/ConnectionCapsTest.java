package io.pqagent.qsmp.transport;

import static io.pqagent.qsmp.transport.TransportFixture.at;
import static io.pqagent.qsmp.transport.TransportFixture.context;
import static io.pqagent.qsmp.transport.TransportFixture.key;
import static io.pqagent.qsmp.transport.WellBehavedClient.PATIENT;
import static io.pqagent.qsmp.transport.WellBehavedClient.SET;
import static io.pqagent.qsmp.transport.WellBehavedClient.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pqagent.qsmp.wire.QsmpException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The server's caps: a connection beyond the concurrent-handshake cap or the session cap is closed at
 * once, before any crypto, while the ones within the caps carry on; freeing a slot admits the next.
 */
class ConnectionCapsTest {
    private static QsmpNetwork net;

    @BeforeAll
    static void start() {
        net = QsmpNetwork.create(2, 2);
    }

    @AfterAll
    static void stop() {
        net.close();
    }

    @Test
    void sixthSilentConnectionIsClosedAtOnceWhileFiveHandshakesArePending() throws Exception {
        TransportFixture.Recorder atServer = new TransportFixture.Recorder(true);
        try (QsmpServer server = WellBehavedClient.simplexEchoServer(net, PATIENT.withCaps(5, 100), atServer)) {
            List<RawConnection> pending = new ArrayList<>();
            try {
                for (int i = 0; i < 5; i++) {
                    pending.add(RawConnection.connect(at(server)));
                }
                Poll.until("five handshakes pending", WAIT, () -> server.handshakesInProgress() == 5);
                try (RawConnection sixth = RawConnection.connect(at(server))) {
                    assertThat(sixth.awaitClosedByPeer(WAIT)).as("sixth closed without a byte").isZero();
                }
                assertThat(server.handshakesInProgress()).as("the five are still pending").isEqualTo(5);
                for (RawConnection r : pending) {
                    assertThat(r.awaitClosedByPeer(java.time.Duration.ofMillis(200))).as("still open").isEqualTo(-1);
                }
                pending.remove(0).close();
                Poll.until("a slot freed", WAIT, () -> server.handshakesInProgress() == 4);
                WellBehavedClient.simplexRoundTripAndClose(net, server);
            } finally {
                for (RawConnection r : pending) {
                    r.close();
                }
            }
        }
    }

    @Test
    void fourthSessionIsRefusedWhileThreeAreEstablished() throws Exception {
        TransportFixture.Recorder atServer = new TransportFixture.Recorder(true);
        try (QsmpServer server = WellBehavedClient.simplexEchoServer(net, PATIENT.withCaps(100, 3), atServer)) {
            List<WellBehavedClient.Open> three = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                three.add(WellBehavedClient.simplexOpen(net, server));
            }
            assertThat(server.tunnels()).hasSize(3);

            assertThatThrownBy(() -> net.connectSimplex(context(SET), key(SET, "server").publicRecord(), at(server),
                    PATIENT, TunnelHandler.ignoring()).get(WAIT.toSeconds(), TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(QsmpException.class);
            for (WellBehavedClient.Open o : three) {
                o.roundTrip("unaffected");
            }
            assertThat(server.tunnels()).hasSize(3);

            three.remove(0).closeOrderly();
            Poll.until("a session slot freed", WAIT, () -> server.tunnels().size() == 2);
            three.add(WellBehavedClient.simplexOpen(net, server));
            assertThat(server.tunnels()).hasSize(3);
            for (WellBehavedClient.Open o : three) {
                o.closeOrderly();
            }
        }
    }

    /**
     * The session cap must hold when the handshakes race: eight clients connecting at once to a server
     * with room for three sessions and no session yet. Each accepted connection reserves a session slot
     * up front, so at most three complete.
     */
    @Test
    void concurrentHandshakesCannotOvershootTheSessionCap() throws Exception {
        try (QsmpServer server = WellBehavedClient.simplexEchoServer(net, PATIENT.withCaps(100, 3),
                new TransportFixture.Recorder(true))) {
            List<java.util.concurrent.CompletableFuture<Tunnel>> racing = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                racing.add(net.connectSimplex(context(SET), key(SET, "server").publicRecord(), at(server), PATIENT,
                        TunnelHandler.ignoring()));
            }
            int established = 0;
            for (var f : racing) {
                try {
                    f.get(WAIT.toSeconds(), TimeUnit.SECONDS);
                    established++;
                } catch (ExecutionException refused) {
                    assertThat(refused).cause().isInstanceOf(QsmpException.class);
                }
            }
            assertThat(established).isBetween(1, 3);
            assertThat(server.tunnels().size()).isLessThanOrEqualTo(3);
        }
    }
}
