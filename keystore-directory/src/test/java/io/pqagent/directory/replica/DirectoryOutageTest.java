package io.pqagent.directory.replica;

import static org.assertj.core.api.Assertions.assertThat;

import io.pqagent.directory.client.DirectoryClient;
import io.pqagent.directory.client.DirectoryKeyQuery;
import io.pqagent.directory.client.DirectorySync;
import io.pqagent.directory.client.RecordCache;
import io.pqagent.directory.record.RecordFixtures;
import io.pqagent.directory.record.SignedRecord;
import io.pqagent.directory.store.SqliteRecordStore;
import io.pqagent.qsmp.keys.KeyId;
import io.pqagent.qsmp.keys.PublicKeyRecord;
import io.pqagent.qsmp.wire.Clock;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * While the directory is down, the agent's key query keeps answering from its verified cache (also after
 * the agent itself restarts); when the replica comes back, the agent's client reconnects, subscribes
 * again and catches up on what was registered meanwhile.
 */
class DirectoryOutageTest {
    @TempDir
    Path dir;

    @Test
    void theCacheAnswersThroughAnOutageAndTheSubscriptionCatchesUpAfterIt() throws Exception {
        Path db = dir.resolve("records.db");
        Clock clock = Clock.system(0);
        try (RecordFixtures fixtures = new RecordFixtures(); ReplicaHarness harness = new ReplicaHarness()) {
            DirectoryReplica replica = harness.start(SqliteRecordStore.open(db), fixtures.authorityKey(), clock);
            int port = replica.localAddress().getPort();
            DirectoryClient operator = harness.client(fixtures.authorityKey(), replica);
            PublicKeyRecord first = fixtures.newKey();
            operator.submit(fixtures.signActive(first, 1, "substation-c"));

            RecordCache cache = RecordCache.open(dir.resolve("cache"), fixtures.authorityKey(), clock);
            DirectoryClient agent = harness.client(fixtures.authorityKey(), replica);
            new DirectorySync(agent, cache, Set.of("substation-c")).start();
            DirectoryKeyQuery query = DirectoryKeyQuery.forPeers(cache, Set.of("substation-c"));
            assertThat(query.candidates(new byte[KeyId.SIZE], null)).containsExactly(first.verificationKey());

            replica.close();
            assertThat(query.candidates(new byte[KeyId.SIZE], null)).containsExactly(first.verificationKey());
            // the agent restarts during the outage: its cache file still vouches for the peer
            RecordCache afterRestart = RecordCache.open(dir.resolve("cache"), fixtures.authorityKey(), clock);
            assertThat(DirectoryKeyQuery.forPeers(afterRestart, Set.of("substation-c"))
                    .candidates(new byte[KeyId.SIZE], null)).containsExactly(first.verificationKey());

            // registered while the agent's replica is down (written straight to the store the replica uses)
            PublicKeyRecord rotated = fixtures.newKey();
            SignedRecord second = fixtures.signActive(rotated, 2, "substation-c");
            try (SqliteRecordStore offline = SqliteRecordStore.open(db)) {
                offline.submit(second);
            }
            harness.start(SqliteRecordStore.open(db), fixtures.authorityKey(), clock, port);
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (cache.byKeyId(rotated.keyId()).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(query.candidates(new byte[KeyId.SIZE], null)).as("caught up after reconnecting")
                    .containsExactlyInAnyOrder(first.verificationKey(), rotated.verificationKey());
            assertThat(agent.isConnected()).isTrue();
        }
    }
}
