package io.pqagent.agent.link;

import static org.assertj.core.api.Assertions.assertThat;

import io.pqagent.agent.config.KeepAlive;
import io.pqagent.agent.config.RatchetSchedule;
import io.pqagent.directory.client.RecordCache;
import io.pqagent.directory.record.AuthorityKey;
import io.pqagent.directory.record.DirectoryRecord;
import io.pqagent.directory.record.RecordAuthority;
import io.pqagent.qsmp.crypto.EntropySource;
import io.pqagent.qsmp.crypto.ParameterSet;
import io.pqagent.qsmp.crypto.SigningKeyPair;
import io.pqagent.qsmp.handshake.HandshakeContext;
import io.pqagent.qsmp.keys.KeyGeneration;
import io.pqagent.qsmp.keys.KeyId;
import io.pqagent.qsmp.keys.SigningKeyRecord;
import io.pqagent.qsmp.transport.KeepAliveStatus;
import io.pqagent.qsmp.transport.QsmpNetwork;
import io.pqagent.qsmp.transport.TransportSettings;
import io.pqagent.qsmp.transport.Tunnel;
import io.pqagent.qsmp.transport.TunnelClosed;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keep-alive per peer (profile rule 5: the listening side asks): "zulu" listens for "alpha", configured with
 * a request a second, and for "bravo", with one a minute. Alpha's tunnel completes exchanges at its own
 * pace while bravo's has none; the dialling agents answer and report that their listener sets the pace.
 * Also: {@link PeerLinks#reconnectAll} brings a tunnel back through a fresh handshake.
 */
class PeerKeepAliveTest {
    private static final ParameterSet SET = ParameterSet.DILITHIUM_S1_KYBER_S1;
    private static final HandshakeContext CTX = HandshakeContext.defaults(SET);
    private static final KeepAlive BRISK = new KeepAlive(Duration.ofSeconds(1), Duration.ofSeconds(3));
    private static final KeepAlive CALM = new KeepAlive(Duration.ofSeconds(60), Duration.ofSeconds(120));

    @TempDir
    Path dir;

    private final EntropySource entropy = EntropySource.system();
    private RecordAuthority authority;
    private QsmpNetwork network;
    private final Map<String, SigningKeyRecord> keys = new java.util.HashMap<>();
    private long serial;

    @BeforeEach
    void setUp() {
        SigningKeyPair pair = RecordAuthority.generate(entropy);
        authority = new RecordAuthority(new AuthorityKey(pair.verificationKey()), pair.signingKey());
        network = QsmpNetwork.create();
        for (String name : List.of("alpha", "bravo", "zulu")) {
            keys.put(name, KeyGeneration.generate(SET, KeyId.random(entropy), 2_000_000_000L, entropy));
        }
    }

    @AfterEach
    void tearDown() {
        network.close();
        authority.close();
    }

    @Test
    void eachListenedTunnelRunsItsPeersKeepAlive() throws Exception {
        try (PeerLinks zulu = links("zulu"); PeerLinks alpha = links("alpha"); PeerLinks bravo = links("bravo")) {
            InetSocketAddress zuluAt = zulu.listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            zulu.configure(List.of(new PeerSpec("alpha", null, RatchetSchedule.DEFAULT, BRISK),
                    new PeerSpec("bravo", null, RatchetSchedule.DEFAULT, CALM)));
            // the dialling side's own keep-alive setting does not pace the tunnel: its listener's does
            alpha.configure(List.of(new PeerSpec("zulu", zuluAt, RatchetSchedule.DEFAULT, CALM)));
            bravo.configure(List.of(new PeerSpec("zulu", zuluAt, RatchetSchedule.DEFAULT, BRISK)));
            await("both tunnels up at zulu", () -> keepAlive(zulu, "alpha") != null && keepAlive(zulu, "bravo") != null);

            await("three keep-alive exchanges with alpha", () -> keepAlive(zulu, "alpha").exchanges() >= 3,
                    () -> String.valueOf(keepAlive(zulu, "alpha")));
            assertThat(keepAlive(zulu, "alpha")).extracting(KeepAliveStatus::sends, KeepAliveStatus::interval,
                    KeepAliveStatus::timeout).containsExactly(true, BRISK.interval(), BRISK.timeout());
            await("alpha answered them", () -> keepAlive(alpha, "zulu").exchanges() >= 3);
            assertThat(keepAlive(alpha, "zulu").sends()).as("a dialling agent never asks").isFalse();

            // within the 30 s the waits allow, bravo's minute has not come round once
            assertThat(keepAlive(zulu, "bravo")).isEqualTo(new KeepAliveStatus(true, CALM.interval(), CALM.timeout(), 0));
            assertThat(keepAlive(bravo, "zulu")).isEqualTo(new KeepAliveStatus(false, Duration.ZERO, Duration.ZERO, 0));
        }
    }

    @Test
    void reconnectAllBringsEveryTunnelBackThroughAFreshHandshake() throws Exception {
        try (PeerLinks zulu = links("zulu"); PeerLinks alpha = links("alpha")) {
            InetSocketAddress zuluAt = zulu.listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            zulu.configure(List.of(new PeerSpec("alpha", null, RatchetSchedule.DEFAULT)));
            alpha.configure(List.of(new PeerSpec("zulu", zuluAt, RatchetSchedule.DEFAULT)));
            await("up", () -> status(alpha, "zulu").state() == LinkState.UP);
            // the dialer sees the tunnel up a moment before the listener has it in its table
            await("up at zulu", () -> status(zulu, "alpha").state() == LinkState.UP);

            assertThat(zulu.reconnectAll("a test")).isEqualTo(1);
            await("alpha dialled again", () -> status(alpha, "zulu").tunnelsOpened() == 2
                    && status(alpha, "zulu").state() == LinkState.UP);
            await("zulu has it too", () -> status(zulu, "alpha").state() == LinkState.UP);
        }
    }

    private PeerLinks links(String name) throws Exception {
        RecordCache cache = RecordCache.open(dir.resolve(name + ".cache"), authority.publicKey(),
                io.pqagent.qsmp.wire.Clock.system(0));
        for (Map.Entry<String, SigningKeyRecord> k : keys.entrySet()) {
            cache.offer(authority.sign(DirectoryRecord.active(k.getValue().publicRecord(), ++serial, 1, k.getKey(), "",
                    List.of()), entropy));
        }
        SigningKeyRecord own = keys.get(name);
        return new PeerLinks(name, network, CTX, () -> own, cache, TransportSettings.DEFAULTS, new LinkListener() {
            @Override
            public void onUp(String peer, Tunnel tunnel) {
            }

            @Override
            public void onMessage(String peer, Tunnel tunnel, byte[] message) {
            }

            @Override
            public void onDown(String peer, Tunnel tunnel, TunnelClosed why) {
            }
        });
    }

    private static LinkStatus status(PeerLinks links, String peer) {
        return links.status().stream().filter(s -> s.peer().equals(peer)).findFirst().orElseThrow();
    }

    private static KeepAliveStatus keepAlive(PeerLinks links, String peer) {
        return status(links, peer).keepAlive();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        await(what, condition, () -> "");
    }

    private static void await(String what, BooleanSupplier condition, Supplier<String> state)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": not within 30 s " + state.get());
            }
            Thread.sleep(20);
        }
    }
}
