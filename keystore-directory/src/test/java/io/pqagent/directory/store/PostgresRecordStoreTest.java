package io.pqagent.directory.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pqagent.directory.record.DirectoryError;
import io.pqagent.directory.record.DirectoryException;
import io.pqagent.directory.record.SignedRecord;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shared store: the contract, plus several replicas on one database and a listener that survives. */
class PostgresRecordStoreTest extends RecordStoreContract {
    private static PostgresCluster cluster;
    private String url;
    private String database;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = PostgresCluster.start();
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Override
    RecordStore openEmptyStore() throws DirectoryException {
        url = cluster.createDatabase();
        database = url.substring(url.lastIndexOf('/') + 1, url.indexOf('?'));
        return PostgresRecordStore.open(url);
    }

    @Override
    RecordStore openSameStore() throws DirectoryException {
        return PostgresRecordStore.open(url);
    }

    @Test
    void replicaSeesAnotherReplicasSubmissions() throws Exception {
        RecordStore replicaB = track(openSameStore());
        Received atB = new Received();
        track(replicaB.subscribe(atB));
        Received atA = new Received();
        track(store.subscribe(atA));

        SignedRecord viaA = fixtures.signActive(fixtures.newKey(), 1, "alice");
        store.submit(viaA);
        SignedRecord viaB = fixtures.signActive(fixtures.newKey(), 1, "bob");
        replicaB.submit(viaB);

        assertThat(atB.awaitAtLeast(2)).containsExactly(viaA, viaB);
        assertThat(atA.awaitAtLeast(2)).containsExactly(viaA, viaB);
    }

    @Test
    void restartedReplicaLosesNothingAndOthersKeepListening() throws Exception {
        RecordStore replicaB = track(openSameStore());
        Received atB = new Received();
        track(replicaB.subscribe(atB));
        List<SignedRecord> submitted = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            submitted.add(fixtures.signActive(fixtures.newKey(), 1, "alice"));
            store.submit(submitted.get(i));
        }
        store.close();
        store = openSameStore();
        assertThat(store.list()).containsExactlyInAnyOrderElementsOf(submitted);
        submitted.add(fixtures.signActive(fixtures.newKey(), 1, "alice"));
        store.submit(submitted.get(3));
        assertThat(atB.awaitAtLeast(4)).containsExactlyElementsOf(submitted);
    }

    @Test
    void listenerReconnectsAfterItsBackendIsTerminatedAndCatchesUp() throws Exception {
        RecordStore replicaB = track(openSameStore());
        Received atB = new Received();
        track(replicaB.subscribe(atB));
        SignedRecord before = fixtures.signActive(fixtures.newKey(), 1, "alice");
        store.submit(before);
        atB.awaitRecord(before);

        // signed beforehand so they are committed while the listener is down or reconnecting, when no
        // notification can reach it: only the catch-up from its cursor delivers them
        List<SignedRecord> during = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            during.add(fixtures.signActive(fixtures.newKey(), 1, "alice"));
        }
        assertThat(terminateListeners()).as("listener backends terminated").isEqualTo(1);
        for (SignedRecord r : during) {
            store.submit(r);
        }
        SignedRecord after = fixtures.signActive(fixtures.newKey(), 1, "alice");
        List<SignedRecord> expected = new ArrayList<>(List.of(before));
        expected.addAll(during);
        assertThat(atB.awaitAtLeast(4)).containsExactlyElementsOf(expected);

        store.submit(after);
        expected.add(after);
        assertThat(atB.awaitAtLeast(5)).containsExactlyElementsOf(expected);
    }

    private int terminateListeners() throws Exception {
        return cluster.superuser("postgres", "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                + " WHERE application_name = '" + PostgresRecordStore.LISTENER_APPLICATION_NAME + "'"
                + " AND datname = '" + database + "'");
    }

    @Test
    void opensFromItsLocationString() throws Exception {
        String location = "postgresql://127.0.0.1:" + cluster.port() + "/" + database + "?user=postgres";
        try (RecordStore s = RecordStores.open(location)) {
            assertThat(s).isInstanceOf(PostgresRecordStore.class);
            SignedRecord r = fixtures.signActive(fixtures.newKey(), 1, "alice");
            s.submit(r);
            assertThat(store.byKeyId(r.record().keyId())).contains(r);
        }
        try (RecordStore s = RecordStores.open("postgres://postgres@127.0.0.1:" + cluster.port() + "/" + database)) {
            assertThat(s.list()).hasSize(1);
        }
    }

    @Test
    void unreachableServerIsAStoreFailureWithoutThePassword() {
        assertThatThrownBy(() -> RecordStores.open("postgresql://dir:s3cret@127.0.0.1:1/directory"))
                .isInstanceOfSatisfying(DirectoryException.class,
                        e -> assertThat(e.error()).isEqualTo(DirectoryError.STORE_FAILURE))
                .hasMessageContaining("127.0.0.1:1/directory")
                .hasMessageNotContaining("s3cret");
    }
}
