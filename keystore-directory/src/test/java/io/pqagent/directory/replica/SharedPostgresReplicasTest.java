package io.pqagent.directory.replica;

import static org.assertj.core.api.Assertions.assertThat;

import io.pqagent.directory.client.DirectoryClient;
import io.pqagent.directory.client.DirectoryKeyQuery;
import io.pqagent.directory.client.DirectorySync;
import io.pqagent.directory.client.RecordCache;
import io.pqagent.directory.record.RecordFixtures;
import io.pqagent.directory.record.SignedRecord;
import io.pqagent.directory.store.PostgresCluster;
import io.pqagent.directory.store.PostgresRecordStore;
import io.pqagent.qsmp.keys.PublicKeyRecord;
import io.pqagent.qsmp.wire.Clock;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two replicas sharing one PostgreSQL database: a revocation submitted to one reaches an agent
 * subscribed to the other within 2 s (the bound), and a replica restart loses nothing.
 */
class SharedPostgresReplicasTest {
    private static final Clock CLOCK = Clock.system(0);
    private static PostgresCluster cluster;
    private static RecordFixtures fixtures;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = PostgresCluster.start();
        fixtures = new RecordFixtures();
    }

    @AfterAll
    static void stopCluster() throws Exception {
        fixtures.close();
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void aRevocationAtOneReplicaReachesAnAgentSubscribedToTheOtherWithinTwoSeconds(@TempDir Path dir)
            throws Exception {
        String url = cluster.createDatabase();
        try (ReplicaHarness harness = new ReplicaHarness()) {
            DirectoryReplica a = harness.start(PostgresRecordStore.open(url), fixtures.authorityKey(), CLOCK);
            DirectoryReplica b = harness.start(PostgresRecordStore.open(url), fixtures.authorityKey(), CLOCK);
            DirectoryClient operator = harness.client(fixtures.authorityKey(), a);
            PublicKeyRecord peer = fixtures.newKey();
            SignedRecord registered = fixtures.signActive(peer, 3, "substation-pg");
            operator.submit(registered);

            // the agent: its cache and KeyQuery follow replica b
            RecordCache cache = RecordCache.open(dir.resolve("cache"), fixtures.authorityKey(), CLOCK);
            DirectoryKeyQuery query = DirectoryKeyQuery.forPeers(cache, Set.of("substation-pg"));
            new DirectorySync(harness.client(fixtures.authorityKey(), b), cache, Set.of("substation-pg")).start();
            assertThat(query.candidates(new byte[16], null)).containsExactly(peer.verificationKey());

            CountDownLatch revoked = new CountDownLatch(1);
            cache.addListener(r -> {
                if (!r.isActive()) {
                    revoked.countDown();
                }
            });
            operator.submit(fixtures.revoke(registered.record()));
            assertThat(revoked.await(2, TimeUnit.SECONDS)).as("revocation pushed within 2 s").isTrue();
            assertThat(query.candidates(new byte[16], null)).isEmpty();
            assertThat(cache.isRevoked(peer.keyId())).isTrue();
        }
    }

    @Test
    void aReplicaRestartLosesNothing() throws Exception {
        String url = cluster.createDatabase();
        SignedRecord first = fixtures.signActive(fixtures.newKey(), 4, "substation-restart");
        SignedRecord second = fixtures.signActive(fixtures.newKey(), 5, "substation-restart");
        try (ReplicaHarness harness = new ReplicaHarness()) {
            DirectoryReplica replica = harness.start(PostgresRecordStore.open(url), fixtures.authorityKey(), CLOCK);
            DirectoryClient client = harness.client(fixtures.authorityKey(), replica);
            client.submit(first);
            client.submit(second);
        }
        try (ReplicaHarness harness = new ReplicaHarness()) {
            DirectoryReplica replica = harness.start(PostgresRecordStore.open(url), fixtures.authorityKey(), CLOCK);
            DirectoryClient client = harness.client(fixtures.authorityKey(), replica);
            assertThat(client.lookupOwner("substation-restart")).containsExactlyInAnyOrder(first, second);
        }
    }
}
