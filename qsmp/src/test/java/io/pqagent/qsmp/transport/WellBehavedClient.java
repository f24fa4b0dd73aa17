package io.pqagent.qsmp.transport;

import static io.pqagent.qsmp.transport.TransportFixture.at;
import static io.pqagent.qsmp.transport.TransportFixture.context;
import static io.pqagent.qsmp.transport.TransportFixture.key;
import static org.assertj.core.api.Assertions.assertThat;

import io.pqagent.qsmp.crypto.ParameterSet;
import io.pqagent.qsmp.handshake.KeyQuery;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The control group of the fault tests: a normal Java client that connects to an echoing server,
 * exchanges one message and closes in order. Keys come from {@link TransportFixture} under fixed names.
 */
final class WellBehavedClient {
    static final ParameterSet SET = ParameterSet.DILITHIUM_S1_KYBER_S1;
    /** A hang guard for every wait in the fault tests; no assertion is made on speed. */
    static final Duration WAIT = Duration.ofSeconds(30);
    /** A handshake deadline far beyond {@link #WAIT}: a close seen within WAIT is not the deadline's doing. */
    static final TransportSettings PATIENT = TransportSettings.DEFAULTS.withHandshakeTimeout(Duration.ofMinutes(10));

    private WellBehavedClient() {
    }

    static QsmpServer simplexEchoServer(QsmpNetwork net, TransportSettings settings, TunnelHandler handler) {
        return net.startSimplex(context(SET), key(SET, "server"), TransportFixture.IPV4, settings, handler);
    }

    static QsmpServer duplexEchoServer(QsmpNetwork net, TransportSettings settings, TunnelHandler handler) {
        return net.listenDuplex(context(SET), key(SET, "listener"), KeyQuery.of(key(SET, "sender").verificationKey()),
                TransportFixture.IPV4, settings, handler);
    }

    /** Connects to a Simplex echo server and checks one round trip; the tunnel is left open. */
    static Open simplexOpen(QsmpNetwork net, QsmpServer server) throws Exception {
        TransportFixture.Recorder r = new TransportFixture.Recorder(false);
        Open open = new Open(net.connectSimplex(context(SET), key(SET, "server").publicRecord(), at(server), PATIENT, r)
                .get(WAIT.toSeconds(), TimeUnit.SECONDS), r);
        open.roundTrip("hello");
        return open;
    }

    /** Connects to a Duplex echo server and checks one round trip; the tunnel is left open. */
    static Open duplexOpen(QsmpNetwork net, QsmpServer server) throws Exception {
        TransportFixture.Recorder r = new TransportFixture.Recorder(false);
        Open open = new Open(net.connectDuplex(context(SET), key(SET, "sender"), key(SET, "listener").publicRecord(),
                at(server), PATIENT, r).get(WAIT.toSeconds(), TimeUnit.SECONDS), r);
        open.roundTrip("hello");
        return open;
    }

    /** Connects, exchanges one message and closes in order. */
    static void simplexRoundTripAndClose(QsmpNetwork net, QsmpServer server) throws Exception {
        simplexOpen(net, server).closeOrderly();
    }

    static void duplexRoundTripAndClose(QsmpNetwork net, QsmpServer server) throws Exception {
        duplexOpen(net, server).closeOrderly();
    }

    /** An open client tunnel and the recorder its messages arrive in. */
    record Open(Tunnel tunnel, TransportFixture.Recorder inbox) {

        /** Sends {@code text} and expects it echoed back. */
        void roundTrip(String text) throws Exception {
            tunnel.send(text.getBytes(StandardCharsets.UTF_8));
            byte[] echo = inbox.messages.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(echo).as("echo of '" + text + "'").isNotNull();
            assertThat(new String(echo, StandardCharsets.UTF_8)).isEqualTo(text);
        }

        void closeOrderly() throws Exception {
            assertThat(tunnel.close().get(WAIT.toSeconds(), TimeUnit.SECONDS).orderly()).isTrue();
        }
    }
}
