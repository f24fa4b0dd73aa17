package io.pqagent.agent.link;

import io.pqagent.agent.config.RatchetSchedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pqagent.directory.client.RecordCache;
import io.pqagent.directory.record.AuthorityKey;
import io.pqagent.directory.record.DirectoryRecord;
import io.pqagent.directory.record.RecordAuthority;
import io.pqagent.directory.record.SignedRecord;
import io.pqagent.qsmp.crypto.EntropySource;
import io.pqagent.qsmp.crypto.ParameterSet;
import io.pqagent.qsmp.crypto.SigningKeyPair;
import io.pqagent.qsmp.handshake.HandshakeContext;
import io.pqagent.qsmp.keys.KeyGeneration;
import io.pqagent.qsmp.keys.KeyId;
import io.pqagent.qsmp.keys.SigningKeyRecord;
import io.pqagent.qsmp.session.RatchetKind;
import io.pqagent.qsmp.transport.QsmpNetwork;
import io.pqagent.qsmp.transport.TransportSettings;
import io.pqagent.qsmp.transport.Tunnel;
import io.pqagent.qsmp.transport.TunnelClosed;
import io.pqagent.qsmp.wire.Clock;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two agents' links over real loopback sockets, with keys vouched for by a directory cache. */
class PeerLinksTest {
    private static final ParameterSet SET = ParameterSet.DILITHIUM_S1_KYBER_S1;
    private static final HandshakeContext CTX = HandshakeContext.defaults(SET);
    private static final long EXPIRATION = 2_000_000_000L;

    @TempDir
    Path dir;

    private final EntropySource entropy = EntropySource.system();
    private RecordAuthority authority;
    private QsmpNetwork network;
    private SigningKeyRecord alphaKey;
    private SigningKeyRecord bravoKey;
    private SignedRecord alphaRecord;
    private SignedRecord bravoRecord;
    private long serial = 1;

    @BeforeEach
    void setUp() {
        SigningKeyPair pair = RecordAuthority.generate(entropy);
        authority = new RecordAuthority(new AuthorityKey(pair.verificationKey()), pair.signingKey());
        network = QsmpNetwork.create();
        alphaKey = KeyGeneration.generate(SET, KeyId.random(entropy), EXPIRATION, entropy);
        bravoKey = KeyGeneration.generate(SET, KeyId.random(entropy), EXPIRATION, entropy);
        alphaRecord = register(alphaKey, "alpha");
        bravoRecord = register(bravoKey, "bravo");
    }

    @AfterEach
    void tearDown() {
        network.close();
        authority.close();
    }

    @Test
    void theLowerNameDialsTheTunnelCarriesMessagesAndComesBackAfterTheListenerRestarts() throws Exception {
        Recorder atAlpha = new Recorder();
        Recorder atBravo = new Recorder();
        RecordCache alphaCache = cache("alpha");
        RecordCache bravoCache = cache("bravo");
        try (PeerLinks alpha = links("alpha", alphaKey, alphaCache, atAlpha)) {
            PeerLinks bravo = links("bravo", bravoKey, bravoCache, atBravo);
            // below the ephemeral range: while bravo is down, alpha's redials must not be able to land
            // on (and self-connect to) bravo's port, which would keep bravo from binding it again
            InetSocketAddress bravoAt = bravo.listen(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                    io.pqagent.agent.testing.Loopback.freePortBelowEphemeralRange()));
            bravo.configure(List.of(new PeerSpec("alpha", null, RatchetSchedule.DEFAULT)));
            alpha.configure(List.of(new PeerSpec("bravo", bravoAt, RatchetSchedule.DEFAULT)));

            Tunnel fromAlpha = atAlpha.ups.poll(20, TimeUnit.SECONDS);
            Tunnel fromBravo = atBravo.ups.poll(20, TimeUnit.SECONDS);
            assertThat(fromAlpha).isNotNull();
            assertThat(fromBravo).isNotNull();
            fromAlpha.send(bytes("hello bravo")).get(10, TimeUnit.SECONDS);
            fromBravo.send(bytes("hello alpha")).get(10, TimeUnit.SECONDS);
            assertThat(atBravo.messages.poll(10, TimeUnit.SECONDS)).isEqualTo(bytes("hello bravo"));
            assertThat(atAlpha.messages.poll(10, TimeUnit.SECONDS)).isEqualTo(bytes("hello alpha"));
            awaitState(alpha, "bravo", LinkState.UP);
            assertThat(alpha.status().get(0).dials()).isTrue();
            assertThat(bravo.status().get(0).dials()).isFalse();

            // only the dialing side starts ratchets
            alpha.ratchet("bravo", RatchetKind.ASYMMETRIC).get(20, TimeUnit.SECONDS);
            assertThatThrownBy(() -> bravo.ratchet("alpha", RatchetKind.SYMMETRIC).get(10, TimeUnit.SECONDS))
                    .hasMessageContaining("only the dialing side starts ratchets");

            // the listener goes away and comes back on the same port: alpha dials again by itself
            bravo.close();
            assertThat(atAlpha.downs.poll(20, TimeUnit.SECONDS)).isNotNull();
            try (PeerLinks bravo2 = links("bravo", bravoKey, bravoCache, atBravo)) {
                bravo2.listen(bravoAt);
                bravo2.configure(List.of(new PeerSpec("alpha", null, RatchetSchedule.DEFAULT)));
                awaitState(alpha, "bravo", LinkState.UP);
                assertThat(alpha.status().get(0).tunnelsOpened()).isEqualTo(2);

                // an unchanged peer list leaves the tunnel alone
                alpha.configure(List.of(new PeerSpec("bravo", bravoAt, RatchetSchedule.DEFAULT)));
                assertThat(alpha.status().get(0).tunnelsOpened()).isEqualTo(2);
                assertThat(alpha.status().get(0).state()).isEqualTo(LinkState.UP);
            }
        }
    }

    @Test
    void aRevocationClosesTheTunnelAndTheRevokedPeerStaysOut() throws Exception {
        Recorder atAlpha = new Recorder();
        Recorder atBravo = new Recorder();
        RecordCache bravoCache = cache("bravo");
        try (PeerLinks alpha = links("alpha", alphaKey, cache("alpha"), atAlpha);
                PeerLinks bravo = links("bravo", bravoKey, bravoCache, atBravo)) {
            InetSocketAddress bravoAt = bravo.listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            bravo.configure(List.of(new PeerSpec("alpha", null, RatchetSchedule.DEFAULT)));
            alpha.configure(List.of(new PeerSpec("bravo", bravoAt, RatchetSchedule.DEFAULT)));
            assertThat(atBravo.ups.poll(20, TimeUnit.SECONDS)).isNotNull();

            // the directory pushes alpha's revocation into bravo's cache
            bravoCache.offer(authority.sign(alphaRecord.record().revoked(++serial, 2), entropy));
            TunnelClosed why = atBravo.downReasons.poll(2, TimeUnit.SECONDS);
            assertThat(why).as("tunnel closed within 2 s of the revocation").isNotNull();
            // alpha keeps trying and is refused every time
            awaitCondition(() -> alpha.status().get(0).handshakeFailures() >= 1);
            assertThat(alpha.status().get(0).lastFailure()).contains("key_unrecognized");
            assertThat(bravo.status().get(0).state()).isEqualTo(LinkState.WAITING);
        }
    }

    @Test
    void bytesCarriedTriggerASymmetricRatchet() throws Exception {
        Recorder atAlpha = new Recorder();
        Recorder atBravo = new Recorder();
        RatchetSchedule everyFewKiB = new RatchetSchedule(Duration.ofHours(1), 4096, Duration.ofHours(24));
        try (PeerLinks alpha = links("alpha", alphaKey, cache("alpha"), atAlpha);
                PeerLinks bravo = links("bravo", bravoKey, cache("bravo"), atBravo)) {
            InetSocketAddress bravoAt = bravo.listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            bravo.configure(List.of(new PeerSpec("alpha", null, everyFewKiB)));
            alpha.configure(List.of(new PeerSpec("bravo", bravoAt, everyFewKiB)));
            Tunnel t = atAlpha.ups.poll(20, TimeUnit.SECONDS);
            for (int i = 0; i < 10; i++) {
                t.send(new byte[1000]).get(10, TimeUnit.SECONDS);
            }
            awaitCondition(() -> alpha.status().get(0).ratchets() >= 1);
            for (int i = 0; i < 10; i++) {
                assertThat(atBravo.messages.poll(10, TimeUnit.SECONDS)).hasSize(1000);
            }
        }
    }

    @Test
    void aPeerWithThisAgentsNameOrADialedPeerWithoutAddressIsRefused() throws Exception {
        try (PeerLinks alpha = links("alpha", alphaKey, cache("alpha"), new Recorder())) {
            assertThatThrownBy(() -> alpha.configure(List.of(new PeerSpec("alpha", null, RatchetSchedule.DEFAULT))))
                    .hasMessageContaining("own name");
            assertThatThrownBy(() -> alpha.configure(List.of(new PeerSpec("bravo", null, RatchetSchedule.DEFAULT))))
                    .hasMessageContaining("needs an address");
        }
    }

    private PeerLinks links(String name, SigningKeyRecord key, RecordCache cache, Recorder recorder) {
        return new PeerLinks(name, network, CTX, () -> key, cache, TransportSettings.DEFAULTS, recorder);
    }

    private RecordCache cache(String name) throws Exception {
        RecordCache cache = RecordCache.open(dir.resolve(name + ".cache"), authority.publicKey(), Clock.system(0));
        cache.offer(alphaRecord);
        cache.offer(bravoRecord);
        return cache;
    }

    private SignedRecord register(SigningKeyRecord key, String owner) {
        return authority.sign(DirectoryRecord.active(key.publicRecord(), ++serial, 1, owner, "", List.of()), entropy);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static void awaitState(PeerLinks links, String peer, LinkState state) throws InterruptedException {
        awaitCondition(() -> links.status().stream().anyMatch(s -> s.peer().equals(peer) && s.state() == state));
    }

    private static void awaitCondition(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached within 30 s");
            }
            Thread.sleep(20);
        }
    }

    private static final class Recorder implements LinkListener {
        final BlockingQueue<Tunnel> ups = new LinkedBlockingQueue<>();
        final BlockingQueue<Tunnel> downs = new LinkedBlockingQueue<>();
        final BlockingQueue<TunnelClosed> downReasons = new LinkedBlockingQueue<>();
        final BlockingQueue<byte[]> messages = new LinkedBlockingQueue<>();
        final Map<Tunnel, Boolean> known = new ConcurrentHashMap<>();

        @Override
        public void onUp(String peer, Tunnel tunnel) {
            known.put(tunnel, true);
            ups.add(tunnel);
        }

        @Override
        public void onMessage(String peer, Tunnel tunnel, byte[] message) {
            if (!known.containsKey(tunnel)) {
                throw new AssertionError("a message before its tunnel was announced");
            }
            messages.add(message);
        }

        @Override
        public void onDown(String peer, Tunnel tunnel, TunnelClosed why) {
            downs.add(tunnel);
            downReasons.add(why);
        }
    }
}
