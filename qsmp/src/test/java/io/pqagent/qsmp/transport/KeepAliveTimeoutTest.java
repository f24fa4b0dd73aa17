package io.pqagent.qsmp.transport;

import static io.pqagent.qsmp.transport.WellBehavedClient.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.pqagent.qsmp.wire.QsmpError;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Profile rule 5 on real sockets, interval 1 s and timeout 2 s: a client that completed its handshake
 * and then never reads or answers is closed with keepalive_expired, while a Java client, which answers,
 * stays up across several intervals and still exchanges messages.
 */
class KeepAliveTimeoutTest {
    private static final TransportSettings BRISK = WellBehavedClient.PATIENT
            .withKeepAlive(Duration.ofSeconds(1), Duration.ofSeconds(2));
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
    void silentEstablishedPeerIsClosedWithKeepaliveExpiredWhileAnAnsweringPeerStays() throws Exception {
        TransportFixture.Recorder atServer = new TransportFixture.Recorder(true);
        try (QsmpServer server = WellBehavedClient.simplexEchoServer(net, BRISK, atServer)) {
            WellBehavedClient.Open answering = WellBehavedClient.simplexOpen(net, server);
            try (RawSimplexClient mute = RawSimplexClient.establish(TransportFixture.at(server))) {
                mute.roundTrip("established, then deaf".getBytes(StandardCharsets.US_ASCII));
                Poll.until("both sessions established", WAIT, () -> server.tunnels().size() == 2);

                TunnelClosed end = atServer.ends.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
                assertThat(end).as("the mute peer's end").isNotNull();
                assertThat(end.error()).as(end.toString()).isEqualTo(QsmpError.KEEPALIVE_EXPIRED);
                assertThat(mute.raw.awaitClosedByPeer(WAIT)).as("socket closed by the server").isNotNegative();
            }

            Thread.sleep(4_000); // four more keep-alive intervals, each answered by the Java client
            assertThat(answering.tunnel().isOpen()).isTrue();
            assertThat(atServer.ends).as("no other session ended").isEmpty();
            answering.roundTrip("still alive after the intervals");
            assertThat(server.tunnels()).hasSize(1);
            answering.closeOrderly();
        }
    }
}
