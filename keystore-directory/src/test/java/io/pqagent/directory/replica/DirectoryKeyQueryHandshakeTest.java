package io.pqagent.directory.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pqagent.directory.client.DirectoryClient;
import io.pqagent.directory.client.DirectoryKeyQuery;
import io.pqagent.directory.client.DirectorySync;
import io.pqagent.directory.client.RecordCache;
import io.pqagent.directory.record.RecordFixtures;
import io.pqagent.directory.record.SignedRecord;
import io.pqagent.directory.store.SqliteRecordStore;
import io.pqagent.qsmp.crypto.EntropySource;
import io.pqagent.qsmp.keys.KeyGeneration;
import io.pqagent.qsmp.keys.KeyId;
import io.pqagent.qsmp.keys.SigningKeyRecord;
import io.pqagent.qsmp.transport.QsmpServer;
import io.pqagent.qsmp.transport.TransportSettings;
import io.pqagent.qsmp.transport.Tunnel;
import io.pqagent.qsmp.transport.TunnelHandler;
import io.pqagent.qsmp.wire.Clock;
import io.pqagent.qsmp.wire.QsmpError;
import io.pqagent.qsmp.wire.QsmpException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The directory as the Duplex listener's key query, through real handshakes: a registered peer gets in,
 * an unregistered one does not, and once revoked (pushed by the replica) the peer is refused.
 */
class DirectoryKeyQueryHandshakeTest {
    @TempDir
    Path dir;

    @Test
    void aListenerAuthenticatesCallersThroughTheDirectoryAndRefusesRevokedOnes() throws Exception {
        EntropySource entropy = EntropySource.system();
        try (RecordFixtures fixtures = new RecordFixtures(); ReplicaHarness harness = new ReplicaHarness();
                SigningKeyRecord listener = key(entropy); SigningKeyRecord peer = key(entropy);
                SigningKeyRecord stranger = key(entropy)) {
            DirectoryReplica replica = harness.start(SqliteRecordStore.open(dir.resolve("records.db")),
                    fixtures.authorityKey(), Clock.system(0));
            DirectoryClient operator = harness.client(fixtures.authorityKey(), replica);
            SignedRecord registered = fixtures.signActive(peer.publicRecord(), 1, "substation-a");
            operator.submit(registered);
            operator.submit(fixtures.signActive(stranger.publicRecord(), 1, "somebody-else"));

            RecordCache cache = RecordCache.open(dir.resolve("cache"), fixtures.authorityKey(), Clock.system(0));
            new DirectorySync(harness.client(fixtures.authorityKey(), replica), cache, Set.of("substation-a")).start();
            CountDownLatch revoked = new CountDownLatch(1);
            cache.addListener(r -> {
                if (!r.isActive()) {
                    revoked.countDown();
                }
            });
            try (QsmpServer server = harness.network.listenDuplex(ReplicaHarness.CTX, listener,
                    DirectoryKeyQuery.forPeers(cache, Set.of("substation-a")),
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), TransportSettings.DEFAULTS,
                    TunnelHandler.ignoring())) {
                Tunnel in = connect(harness, peer, listener, server);
                assertThat(in.isOpen()).isTrue();
                // the listener's side of the tunnel authenticated the caller with the directory's key
                assertThat(java.util.Arrays.equals(server.tunnels().iterator().next().peerVerificationKey(),
                        peer.verificationKey())).isTrue();
                in.close().get(10, TimeUnit.SECONDS);

                // registered in the directory, but not one of this listener's peers
                assertRefused(harness, stranger, listener, server, QsmpError.AUTHENTICATION_FAILURE);

                operator.submit(fixtures.revoke(registered.record()));
                assertThat(revoked.await(10, TimeUnit.SECONDS)).isTrue();
                // no candidate left for this listener
                assertRefused(harness, peer, listener, server, QsmpError.KEY_UNRECOGNIZED);
            }
        }
    }

    private static SigningKeyRecord key(EntropySource entropy) {
        return KeyGeneration.generate(RecordFixtures.PEER_SET, KeyId.random(entropy), RecordFixtures.EXPIRATION, entropy);
    }

    private static Tunnel connect(ReplicaHarness harness, SigningKeyRecord caller, SigningKeyRecord listener,
            QsmpServer server) throws Exception {
        return harness.network.connectDuplex(ReplicaHarness.CTX, caller, listener.publicRecord(),
                server.localAddress(), TransportSettings.DEFAULTS, TunnelHandler.ignoring()).get(10, TimeUnit.SECONDS);
    }

    private static void assertRefused(ReplicaHarness harness, SigningKeyRecord caller, SigningKeyRecord listener,
            QsmpServer server, QsmpError code) {
        assertThatThrownBy(() -> connect(harness, caller, listener, server)).hasCauseInstanceOf(QsmpException.class)
                .satisfies(e -> assertThat(((QsmpException) e.getCause()).error()).isEqualTo(code));
    }
}
