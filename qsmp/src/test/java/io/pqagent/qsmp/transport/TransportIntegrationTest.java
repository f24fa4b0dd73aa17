package io.pqagent.qsmp.transport;

import static io.pqagent.qsmp.transport.TransportFixture.at;
import static io.pqagent.qsmp.transport.TransportFixture.context;
import static io.pqagent.qsmp.transport.TransportFixture.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pqagent.qsmp.crypto.ParameterSet;
import io.pqagent.qsmp.handshake.KeyQuery;
import io.pqagent.qsmp.keys.SigningKeyRecord;
import io.pqagent.qsmp.session.RatchetKind;
import io.pqagent.qsmp.wire.QsmpError;
import io.pqagent.qsmp.wire.QsmpException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Java to Java over real loopback sockets, IPv4 and IPv6, through the Netty transport. */
class TransportIntegrationTest {
    private static final int WAIT = 20;
    private static QsmpNetwork net;

    @BeforeAll
    static void start() {
        net = QsmpNetwork.create(2, 2);
    }

    @AfterAll
    static void stop() {
        net.close();
    }

    static Stream<Arguments> setsAndAddresses() {
        List<Arguments> out = new ArrayList<>();
        for (ParameterSet set : List.of(ParameterSet.DEFAULT, ParameterSet.DILITHIUM_S3_KYBER_S3)) {
            for (InetSocketAddress a : TransportFixture.loopbacks()) {
                out.add(Arguments.of(set, a));
            }
        }
        return out.stream();
    }

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("setsAndAddresses")
    void duplexListenerAndSenderExchangeAcrossBothRatchetsUnderTraffic(ParameterSet set, InetSocketAddress bind)
            throws Exception {
        SigningKeyRecord listenerKey = key(set, "listener");
        SigningKeyRecord senderKey = key(set, "sender");
        TransportFixture.Recorder atListener = new TransportFixture.Recorder(true);
        TransportFixture.Recorder atSender = new TransportFixture.Recorder(false);
        try (QsmpServer server = net.listenDuplex(context(set), listenerKey, KeyQuery.of(senderKey.verificationKey()),
                bind, TransportSettings.DEFAULTS, atListener)) {
            Tunnel t = net.connectDuplex(context(set), senderKey, listenerKey.publicRecord(), at(server),
                    TransportSettings.DEFAULTS, atSender).get(WAIT, TimeUnit.SECONDS);
            assertThat(t.peerVerificationKey()).isEqualTo(listenerKey.verificationKey());
            int sent = 0;
            for (int round = 0; round < 3; round++) {
                for (int i = 0; i < 20; i++) {
                    t.send(text("m" + sent++)); // echoed back: traffic both ways while the ratchets run
                }
                t.ratchet(RatchetKind.SYMMETRIC);
                for (int i = 0; i < 20; i++) {
                    t.send(text("m" + sent++));
                }
                t.ratchet(RatchetKind.ASYMMETRIC).get(WAIT, TimeUnit.SECONDS);
            }
            for (int i = 0; i < sent; i++) {
                byte[] echoed = atSender.messages.poll(WAIT, TimeUnit.SECONDS);
                assertThat(echoed).as("echo #" + i).isNotNull();
                assertThat(new String(echoed, StandardCharsets.UTF_8)).isEqualTo("m" + i);
            }
            assertThat(t.close().get(WAIT, TimeUnit.SECONDS).orderly()).isTrue();
            TunnelClosed atServer = atListener.ends.poll(WAIT, TimeUnit.SECONDS);
            assertThat(atServer).isNotNull();
            assertThat(atServer.orderly()).isTrue();
            assertThat(atServer.byPeer()).isTrue();
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("setsAndAddresses")
    void simplexMultiClientServerEchoesEveryClientAndBroadcasts(ParameterSet set, InetSocketAddress bind) throws Exception {
        SigningKeyRecord serverKey = key(set, "server");
        TransportFixture.Recorder atServer = new TransportFixture.Recorder(true);
        try (QsmpServer server = net.startSimplex(context(set), serverKey, bind, TransportSettings.DEFAULTS, atServer)) {
            List<TransportFixture.Recorder> clients = new ArrayList<>();
            List<Tunnel> tunnels = new ArrayList<>();
            for (int c = 0; c < 3; c++) {
                TransportFixture.Recorder r = new TransportFixture.Recorder(false);
                clients.add(r);
                tunnels.add(net.connectSimplex(context(set), serverKey.publicRecord(), at(server),
                        TransportSettings.DEFAULTS, r).get(WAIT, TimeUnit.SECONDS));
            }
            for (int c = 0; c < 3; c++) {
                tunnels.get(c).send(text("client " + c));
                assertThat(clients.get(c).messages.poll(WAIT, TimeUnit.SECONDS)).asString(StandardCharsets.UTF_8)
                        .isEqualTo("client " + c);
            }
            assertThat(server.tunnels()).hasSize(3);
            server.broadcast(text("to all"));
            for (TransportFixture.Recorder r : clients) {
                assertThat(r.messages.poll(WAIT, TimeUnit.SECONDS)).asString(StandardCharsets.UTF_8).isEqualTo("to all");
            }
            server.quit();
            for (Tunnel t : tunnels) {
                TunnelClosed end = t.closeFuture().get(WAIT, TimeUnit.SECONDS);
                assertThat(end.orderly()).isTrue();
                assertThat(end.byPeer()).isTrue();
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("setsAndAddresses")
    void simplexSingleConnectionListenerServesOneClientThenStopsListening(ParameterSet set, InetSocketAddress bind)
            throws Exception {
        SigningKeyRecord serverKey = key(set, "server");
        int port = freePort(bind);
        InetSocketAddress address = new InetSocketAddress(bind.getAddress(), port);
        TransportFixture.Recorder atServer = new TransportFixture.Recorder(true);
        var accepted = net.acceptSimplexOnce(context(set), serverKey, address, TransportSettings.DEFAULTS, atServer);
        TransportFixture.Recorder atClient = new TransportFixture.Recorder(false);
        Tunnel client = net.connectSimplex(context(set), serverKey.publicRecord(), address, TransportSettings.DEFAULTS,
                atClient).get(WAIT, TimeUnit.SECONDS);
        Tunnel server = accepted.get(WAIT, TimeUnit.SECONDS);
        client.send(text("ping"));
        assertThat(atClient.messages.poll(WAIT, TimeUnit.SECONDS)).asString(StandardCharsets.UTF_8).isEqualTo("ping");
        assertThatThrownBy(() -> net.connectSimplex(context(set), serverKey.publicRecord(), address,
                TransportSettings.DEFAULTS, TunnelHandler.ignoring()).get(WAIT, TimeUnit.SECONDS))
                .hasRootCauseInstanceOf(java.net.ConnectException.class);
        server.close().get(WAIT, TimeUnit.SECONDS);
        assertThat(client.closeFuture().get(WAIT, TimeUnit.SECONDS).orderly()).isTrue();
    }

    @Test
    void listenerWithThreeCandidatesAcceptsEachAndRejectsAFourth() throws Exception {
        ParameterSet set = ParameterSet.DILITHIUM_S1_KYBER_S1;
        SigningKeyRecord listenerKey = key(set, "listener");
        List<SigningKeyRecord> peers = List.of(key(set, "p1"), key(set, "p2"), key(set, "p3"));
        KeyQuery query = (kid, addr) -> peers.stream().map(SigningKeyRecord::verificationKey).toList();
        TransportFixture.Recorder atListener = new TransportFixture.Recorder(false);
        try (QsmpServer server = net.listenDuplex(context(set), listenerKey, query, TransportFixture.IPV4,
                TransportSettings.DEFAULTS, atListener)) {
            for (SigningKeyRecord peer : peers) {
                Tunnel t = net.connectDuplex(context(set), peer, listenerKey.publicRecord(), at(server),
                        TransportSettings.DEFAULTS, TunnelHandler.ignoring()).get(WAIT, TimeUnit.SECONDS);
                assertThat(t.isOpen()).isTrue();
            }
            assertThat(server.tunnels()).hasSize(3);
            assertThat(server.tunnels()).extracting(Tunnel::peerVerificationKey)
                    .containsExactlyInAnyOrderElementsOf(peers.stream().map(SigningKeyRecord::verificationKey).toList());
            assertFailsWith(net.connectDuplex(context(set), key(set, "p4"), listenerKey.publicRecord(), at(server),
                    TransportSettings.DEFAULTS, TunnelHandler.ignoring()), QsmpError.AUTHENTICATION_FAILURE);
            assertServerSaw(atListener, QsmpError.AUTHENTICATION_FAILURE);
        }
    }

    @Test
    void unknownKeyIsKeyUnrecognizedOnBothSides() throws Exception {
        ParameterSet set = ParameterSet.DILITHIUM_S1_KYBER_S1;
        SigningKeyRecord listenerKey = key(set, "listener");
        TransportFixture.Recorder atListener = new TransportFixture.Recorder(false);
        try (QsmpServer server = net.listenDuplex(context(set), listenerKey, (kid, addr) -> List.of(),
                TransportFixture.IPV4, TransportSettings.DEFAULTS, atListener)) {
            assertFailsWith(net.connectDuplex(context(set), key(set, "sender"), listenerKey.publicRecord(), at(server),
                    TransportSettings.DEFAULTS, TunnelHandler.ignoring()), QsmpError.KEY_UNRECOGNIZED);
            assertServerSaw(atListener, QsmpError.KEY_UNRECOGNIZED);
        }
    }

    @Test
    void expiredServerKeyIsKeyExpiredOnBothSides() throws Exception {
        ParameterSet set = ParameterSet.DILITHIUM_S1_KYBER_S1;
        SigningKeyRecord expired = TransportFixture.expiredKey(set);
        var stillValidRecord = new io.pqagent.qsmp.keys.PublicKeyRecord(expired.expiration() + 100_000,
                expired.config(), expired.keyId(), expired.verificationKey());
        TransportFixture.Recorder atServer = new TransportFixture.Recorder(false);
        try (QsmpServer server = net.startSimplex(context(set), expired, TransportFixture.IPV4,
                TransportSettings.DEFAULTS, atServer)) {
            assertFailsWith(net.connectSimplex(context(set), stillValidRecord, at(server), TransportSettings.DEFAULTS,
                    TunnelHandler.ignoring()), QsmpError.KEY_EXPIRED);
            assertServerSaw(atServer, QsmpError.KEY_EXPIRED);
            // and a client holding the expired record refuses before it sends anything
            assertFailsWith(net.connectSimplex(context(set), expired.publicRecord(), at(server),
                    TransportSettings.DEFAULTS, TunnelHandler.ignoring()), QsmpError.KEY_EXPIRED);
        }
    }

    @Test
    void wrongConfigurationIsUnknownProtocolOnBothSides() throws Exception {
        SigningKeyRecord serverKey = key(ParameterSet.DILITHIUM_S1_KYBER_S1, "server");
        TransportFixture.Recorder atServer = new TransportFixture.Recorder(false);
        try (QsmpServer server = net.startSimplex(context(ParameterSet.DILITHIUM_S1_KYBER_S1), serverKey,
                TransportFixture.IPV4, TransportSettings.DEFAULTS, atServer)) {
            // same key sizes are needed to build the client, so re-label the record with the s3 string
            SigningKeyRecord s3Server = key(ParameterSet.DILITHIUM_S3_KYBER_S3, "server");
            var mislabelled = new io.pqagent.qsmp.keys.PublicKeyRecord(s3Server.expiration(), s3Server.config(),
                    serverKey.keyId(), s3Server.verificationKey());
            assertFailsWith(net.connectSimplex(context(ParameterSet.DILITHIUM_S3_KYBER_S3), mislabelled, at(server),
                    TransportSettings.DEFAULTS, TunnelHandler.ignoring()), QsmpError.UNKNOWN_PROTOCOL);
            assertServerSaw(atServer, QsmpError.UNKNOWN_PROTOCOL);
        }
    }

    static void assertFailsWith(java.util.concurrent.CompletableFuture<Tunnel> f, QsmpError code) {
        assertThatThrownBy(() -> f.get(WAIT, TimeUnit.SECONDS))
                .hasCauseInstanceOf(QsmpException.class)
                .satisfies(e -> assertThat(((QsmpException) e.getCause()).error()).isEqualTo(code));
    }

    static void assertServerSaw(TransportFixture.Recorder r, QsmpError code) throws InterruptedException {
        TunnelClosed end = r.ends.poll(WAIT, TimeUnit.SECONDS);
        assertThat(end).isNotNull();
        assertThat(end.error()).isEqualTo(code);
    }

    static int freePort(InetSocketAddress bind) throws java.io.IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket()) {
            s.bind(new InetSocketAddress(bind.getAddress(), 0));
            return s.getLocalPort();
        }
    }

    @SuppressWarnings("unused")
    private static Throwable unwrap(Throwable t) {
        return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    }
}
