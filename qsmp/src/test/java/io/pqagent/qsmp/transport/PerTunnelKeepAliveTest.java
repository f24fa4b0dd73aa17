package io.pqagent.qsmp.transport;

import static io.pqagent.qsmp.transport.TransportFixture.at;
import static io.pqagent.qsmp.transport.TransportFixture.context;
import static io.pqagent.qsmp.transport.TransportFixture.key;
import static io.pqagent.qsmp.transport.WellBehavedClient.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pqagent.qsmp.crypto.ParameterSet;
import io.pqagent.qsmp.keys.SigningKeyRecord;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Profile rule 5 per tunnel: one Duplex listener with the default keep-alive (a request a minute) serves two
 * callers; one of its tunnels is set to a request a second. That tunnel completes exchanges while the other,
 * still on the endpoint's minute, has none; the connecting sides answer and may not send requests.
 */
class PerTunnelKeepAliveTest {
    private static final ParameterSet SET = ParameterSet.DILITHIUM_S1_KYBER_S1;
    private static final Duration BRISK = Duration.ofSeconds(1);

    @Test
    void aTunnelKeepsTheTimingItWasGivenAndItsNeighbourTheEndpointsOwn() throws Exception {
        SigningKeyRecord listener = key(SET, "keepalive-listener");
        SigningKeyRecord brisk = key(SET, "keepalive-brisk");
        SigningKeyRecord calm = key(SET, "keepalive-calm");
        Map<String, Tunnel> accepted = new ConcurrentHashMap<>();
        TunnelHandler onOpen = new TunnelHandler() {
            @Override
            public void onOpen(Tunnel tunnel) {
                accepted.put(Arrays.equals(tunnel.peerVerificationKey(), brisk.verificationKey()) ? "brisk" : "calm",
                        tunnel);
            }

            @Override
            public void onMessage(Tunnel tunnel, byte[] message) {
            }
        };
        TransportSettings endpoint = WellBehavedClient.PATIENT; // 60 s interval, 120 s timeout
        try (QsmpNetwork net = QsmpNetwork.create(1, 1);
                QsmpServer server = net.listenDuplex(context(SET), listener,
                        (kid, addr) -> List.of(brisk.verificationKey(), calm.verificationKey()), TransportFixture.IPV4,
                        endpoint, onOpen)) {
            Tunnel briskClient = net.connectDuplex(context(SET), brisk, listener.publicRecord(), at(server), endpoint,
                    TunnelHandler.ignoring()).get(WAIT.toSeconds(), TimeUnit.SECONDS);
            Tunnel calmClient = net.connectDuplex(context(SET), calm, listener.publicRecord(), at(server), endpoint,
                    TunnelHandler.ignoring()).get(WAIT.toSeconds(), TimeUnit.SECONDS);
            Poll.until("both tunnels accepted", WAIT, () -> accepted.size() == 2);
            Tunnel briskServer = accepted.get("brisk");
            Tunnel calmServer = accepted.get("calm");

            assertThat(calmServer.keepAliveStatus()).isEqualTo(new KeepAliveStatus(true, endpoint.keepAliveInterval(),
                    endpoint.keepAliveTimeout(), 0));
            briskServer.setKeepAlive(BRISK, Duration.ofSeconds(3));
            Poll.until("three keep-alive exchanges on the brisk tunnel", WAIT,
                    () -> briskServer.keepAliveStatus().exchanges() >= 3, () -> briskServer.keepAliveStatus().toString());

            KeepAliveStatus briskNow = briskServer.keepAliveStatus();
            assertThat(briskNow.sends()).isTrue();
            assertThat(briskNow.interval()).isEqualTo(BRISK);
            assertThat(briskNow.timeout()).isEqualTo(Duration.ofSeconds(3));
            Poll.until("the brisk caller answered them", WAIT, () -> briskClient.keepAliveStatus().exchanges() >= 3);
            // less than a minute has passed (the poll bound is 30 s): the neighbour has sent nothing yet
            assertThat(calmServer.keepAliveStatus().exchanges()).isZero();
            assertThat(calmClient.keepAliveStatus().exchanges()).isZero();
            assertThat(calmServer.keepAliveStatus().interval()).isEqualTo(endpoint.keepAliveInterval());

            // the sweep shared by both sessions ticks at least sixteen times per brisk interval
            KeepAliveSweep sweep = ((ServerEndpoint) server)
                    .keepAliveSweep((io.netty.channel.EventLoop) briskServer.executor());
            assertThat(sweep.tickNanos()).isLessThanOrEqualTo(BRISK.toNanos() / 16);

            // rule 5: the connecting side answers, it never asks
            assertThat(briskClient.keepAliveStatus().sends()).isFalse();
            assertThat(briskClient.keepAliveStatus().interval()).isZero();
            assertThatThrownBy(() -> briskClient.setKeepAlive(BRISK, Duration.ofSeconds(3)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("profile rule 5");
            assertThatThrownBy(() -> briskServer.setKeepAlive(BRISK, Duration.ZERO))
                    .isInstanceOf(IllegalArgumentException.class);

            // switched off: the tunnel no longer asks
            briskServer.setKeepAlive(Duration.ZERO, Duration.ZERO);
            Poll.until("keep-alive switched off", WAIT, () -> !briskServer.keepAliveStatus().sends());
            assertThat(briskServer.isOpen()).isTrue();
            briskClient.close().get(WAIT.toSeconds(), TimeUnit.SECONDS);
            calmClient.close().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
    }
}
