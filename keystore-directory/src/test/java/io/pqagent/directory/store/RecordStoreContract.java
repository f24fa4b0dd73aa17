package io.pqagent.directory.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pqagent.directory.record.DirectoryError;
import io.pqagent.directory.record.DirectoryException;
import io.pqagent.directory.record.DirectoryRecord;
import io.pqagent.directory.record.RecordFixtures;
import io.pqagent.directory.record.SignedRecord;
import io.pqagent.directory.store.RecordStore.Submission;
import io.pqagent.qsmp.crypto.ParameterSet;
import io.pqagent.qsmp.keys.KeyId;
import io.pqagent.qsmp.keys.PublicKeyRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link RecordStore} must do (RecordStore's javadoc, docs/directory.md): lookups, the ordering
 * rules with nothing changed after a refusal, and subscriptions. SQLite and PostgreSQL each run it.
 */
abstract class RecordStoreContract {
    static RecordFixtures fixtures;

    RecordStore store;
    private final List<AutoCloseable> opened = new ArrayList<>();

    /** A new, empty store. */
    abstract RecordStore openEmptyStore() throws Exception;

    /** Another store object on the same data as the last {@link #openEmptyStore()} (a restart or a second replica). */
    abstract RecordStore openSameStore() throws Exception;

    @BeforeAll
    static void createAuthority() {
        fixtures = new RecordFixtures();
    }

    @AfterAll
    static void dropAuthority() {
        fixtures.close();
    }

    @BeforeEach
    void openStore() throws Exception {
        store = openEmptyStore();
    }

    @AfterEach
    void closeStores() throws Exception {
        Collections.reverse(opened);
        for (AutoCloseable c : opened) {
            c.close();
        }
        store.close();
    }

    <T extends AutoCloseable> T track(T closeable) {
        opened.add(closeable);
        return closeable;
    }

    /** Everything stored, as bytes: what a refusal must leave unchanged. */
    List<String> snapshot(RecordStore s) throws DirectoryException {
        List<String> out = new ArrayList<>();
        for (SignedRecord r : s.list()) {
            out.add(HexFormat.of().formatHex(r.encode()));
        }
        return out;
    }

    void assertRefused(SignedRecord record, DirectoryError error) throws DirectoryException {
        List<String> before = snapshot(store);
        assertThatThrownBy(() -> store.submit(record))
                .isInstanceOfSatisfying(DirectoryException.class, e -> assertThat(e.error()).isEqualTo(error))
                .hasMessageContaining(record.record().keyId().hex());
        assertThat(snapshot(store)).as("store after refusing with %s", error).isEqualTo(before);
    }

    static KeyId keyId(int first) {
        byte[] b = new byte[KeyId.SIZE];
        Arrays.fill(b, (byte) 0x11);
        b[0] = (byte) first;
        return new KeyId(b);
    }

    @Test
    void emptyStoreKnowsNothing() throws DirectoryException {
        assertThat(store.byKeyId(keyId(1))).isEmpty();
        assertThat(store.byOwner("alice")).isEmpty();
        assertThat(store.list()).isEmpty();
    }

    @Test
    void storesTheSignedBytesUnchangedAndFindsThemByKeyId() throws DirectoryException {
        SignedRecord r = fixtures.signActive(fixtures.newKey(), 1, "alice");
        assertThat(store.submit(r)).isEqualTo(Submission.STORED);
        SignedRecord found = store.byKeyId(r.record().keyId()).orElseThrow();
        assertThat(found.encode()).isEqualTo(r.encode());
        assertThat(SignedRecord.decode(found.encode(), fixtures.authorityKey()).record()).isEqualTo(r.record());
        assertThat(store.byKeyId(keyId(1))).isEmpty();
    }

    @Test
    void byOwnerGivesEachKeysNewestRecordBySerialRevokedIncluded() throws DirectoryException {
        PublicKeyRecord k1 = fixtures.newKey();
        PublicKeyRecord k2 = fixtures.newKey();
        PublicKeyRecord k3 = fixtures.newKey();
        store.submit(fixtures.signActive(k1, 5, "alice"));
        store.submit(fixtures.signActive(k2, 2, "alice"));
        SignedRecord k1Revoked = fixtures.sign(fixtures.active(k1, 5, "alice").revoked(9, 1_800_000_000L));
        store.submit(k1Revoked);
        SignedRecord bob = fixtures.signActive(k3, 1, "bob");
        store.submit(bob);

        assertThat(store.byOwner("alice")).extracting(r -> r.record().serial()).containsExactly(2L, 9L);
        assertThat(store.byOwner("alice").get(1)).isEqualTo(k1Revoked);
        assertThat(store.byOwner("bob")).containsExactly(bob);
        assertThat(store.byOwner("carol")).isEmpty();
    }

    @Test
    void listGivesEveryKeyOrderedByKeyIdBytesUnsigned() throws DirectoryException {
        for (int first : new int[] {0xff, 0x00, 0x80, 0x7f}) {
            store.submit(fixtures.signActive(fixtures.newKey(RecordFixtures.PEER_SET, keyId(first)), 1, "alice"));
        }
        assertThat(store.list()).extracting(r -> r.record().keyId().bytes()[0] & 0xff)
                .containsExactly(0x00, 0x7f, 0x80, 0xff);
    }

    @Test
    void pagesFollowTheListAfterAKeyIdComparedUnsigned() throws DirectoryException {
        for (int first : new int[] {0xff, 0x00, 0x80, 0x7f, 0x81}) {
            store.submit(fixtures.signActive(fixtures.newKey(RecordFixtures.PEER_SET, keyId(first)), 1, "alice"));
        }
        assertThat(store.page(keyId(0x00), 2)).extracting(r -> r.record().keyId().bytes()[0] & 0xff)
                .containsExactly(0x7f, 0x80);
        assertThat(store.page(keyId(0x80), 10)).extracting(r -> r.record().keyId().bytes()[0] & 0xff)
                .containsExactly(0x81, 0xff);
        assertThat(store.page(keyId(0xff), 10)).isEmpty();
    }

    @Test
    void higherSerialReplacesTheStoredRecord() throws DirectoryException {
        PublicKeyRecord k = fixtures.newKey();
        store.submit(fixtures.signActive(k, 1, "alice"));
        SignedRecord newer = fixtures.signActive(k, 4, "alice-renamed");
        assertThat(store.submit(newer)).isEqualTo(Submission.STORED);
        assertThat(store.byKeyId(k.keyId())).contains(newer);
        assertThat(store.list()).containsExactly(newer);
        assertThat(store.byOwner("alice")).isEmpty();
        assertThat(store.byOwner("alice-renamed")).containsExactly(newer);
    }

    @Test
    void sameRecordAgainIsAlreadyPresentEvenSignedAnew() throws DirectoryException {
        PublicKeyRecord k = fixtures.newKey();
        DirectoryRecord r = fixtures.active(k, 3, "alice");
        SignedRecord first = fixtures.sign(r);
        store.submit(first);
        List<String> before = snapshot(store);
        assertThat(store.submit(first)).isEqualTo(Submission.ALREADY_PRESENT);
        SignedRecord again = fixtures.sign(r);
        assertThat(store.submit(again)).isEqualTo(Submission.ALREADY_PRESENT);
        assertThat(snapshot(store)).isEqualTo(before);
        assertThat(store.byKeyId(k.keyId()).orElseThrow().encode()).isEqualTo(first.encode());
    }

    @Test
    void lowerSerialIsStale() throws DirectoryException {
        PublicKeyRecord k = fixtures.newKey();
        store.submit(fixtures.signActive(k, 5, "alice"));
        assertRefused(fixtures.signActive(k, 4, "alice"), DirectoryError.STALE_RECORD);
        // stale wins over every other defect: the record could never be stored
        assertRefused(fixtures.signActive(fixtures.newKey(RecordFixtures.PEER_SET, k.keyId()), 1, "alice"),
                DirectoryError.STALE_RECORD);
    }

    @Test
    void sameSerialWithOtherContentConflicts() throws DirectoryException {
        PublicKeyRecord k = fixtures.newKey();
        store.submit(fixtures.signActive(k, 5, "alice"));
        assertRefused(fixtures.signActive(k, 5, "mallory"), DirectoryError.SERIAL_CONFLICT);
    }

    @Test
    void revocationIsFinal() throws DirectoryException {
        PublicKeyRecord k = fixtures.newKey();
        DirectoryRecord active = fixtures.active(k, 1, "alice");
        store.submit(fixtures.sign(active));
        SignedRecord revocation = fixtures.sign(active.revoked(2, 1_800_000_000L));
        assertThat(store.submit(revocation)).isEqualTo(Submission.STORED);

        assertRefused(fixtures.signActive(k, 3, "alice"), DirectoryError.KEY_REVOKED);
        assertRefused(fixtures.sign(active.revoked(7, 1_800_000_001L)), DirectoryError.KEY_REVOKED);
        assertRefused(fixtures.signActive(k, 1, "alice"), DirectoryError.STALE_RECORD);
        assertThat(store.submit(revocation)).isEqualTo(Submission.ALREADY_PRESENT);
        assertThat(store.byKeyId(k.keyId())).contains(revocation);
    }

    @Test
    void keyIdNeverChangesItsVerificationKeyOrConfiguration() throws DirectoryException {
        PublicKeyRecord k = fixtures.newKey();
        store.submit(fixtures.signActive(k, 1, "alice"));
        PublicKeyRecord otherKey = fixtures.newKey(RecordFixtures.PEER_SET, k.keyId());
        assertRefused(fixtures.signActive(otherKey, 2, "alice"), DirectoryError.KEY_MISMATCH);
        PublicKeyRecord otherSet = fixtures.newKey(ParameterSet.DILITHIUM_S3_KYBER_S3, k.keyId());
        assertRefused(fixtures.signActive(otherSet, 2, "alice"), DirectoryError.KEY_MISMATCH);
        // a revocation cannot smuggle in another key either
        assertRefused(fixtures.sign(fixtures.active(otherKey, 1, "alice").revoked(3, 1_800_000_000L)),
                DirectoryError.KEY_MISMATCH);
    }

    @Test
    void subscriberGetsExactlyTheStoredRecordsInCommitOrder() throws Exception {
        SignedRecord before = fixtures.signActive(fixtures.newKey(), 1, "early");
        store.submit(before);
        Received received = new Received();
        track(store.subscribe(received));

        PublicKeyRecord k1 = fixtures.newKey();
        PublicKeyRecord k2 = fixtures.newKey();
        List<SignedRecord> stored = List.of(fixtures.signActive(k1, 1, "alice"), fixtures.signActive(k2, 1, "bob"),
                fixtures.signActive(k1, 2, "alice"), fixtures.sign(fixtures.active(k1, 2, "alice").revoked(3, 1L)));
        for (SignedRecord r : stored) {
            assertThat(store.submit(r)).isEqualTo(Submission.STORED);
        }
        // refusals and repeats are not changes
        assertThatThrownBy(() -> store.submit(fixtures.signActive(k2, 1, "mallory"))).isInstanceOf(DirectoryException.class);
        assertThat(store.submit(stored.get(1))).isEqualTo(Submission.ALREADY_PRESENT);
        SignedRecord last = fixtures.signActive(k2, 2, "bob");
        store.submit(last);

        List<SignedRecord> got = received.awaitRecord(last);
        List<SignedRecord> expected = new ArrayList<>(stored);
        expected.add(last);
        // at least once, in commit order per key id: here every write was seen, so exactly these
        assertThat(got).containsExactlyElementsOf(expected);
    }

    @Test
    void laggingSubscriberStillGetsEverySupersededRecord() throws Exception {
        java.util.concurrent.CountDownLatch submitted = new java.util.concurrent.CountDownLatch(1);
        Received received = new Received();
        track(store.subscribe(r -> {
            try {
                // hold the delivery thread until every write below committed
                submitted.await(Received.DELIVERY_BOUND_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            received.accept(r);
        }));
        PublicKeyRecord k = fixtures.newKey();
        List<SignedRecord> versions = new ArrayList<>();
        for (int serial = 1; serial <= 4; serial++) {
            versions.add(fixtures.signActive(k, serial, "alice"));
            store.submit(versions.get(serial - 1));
        }
        submitted.countDown();
        assertThat(received.awaitAtLeast(4)).containsExactlyElementsOf(versions);
    }

    @Test
    void closedSubscriptionStopsWhileOthersGoOn() throws Exception {
        Received stopped = new Received();
        AutoCloseable s = store.subscribe(stopped);
        Received going = new Received();
        track(store.subscribe(going));
        SignedRecord first = fixtures.signActive(fixtures.newKey(), 1, "alice");
        store.submit(first);
        stopped.awaitRecord(first);
        s.close();
        SignedRecord second = fixtures.signActive(fixtures.newKey(), 1, "alice");
        store.submit(second);
        going.awaitRecord(second);
        assertThat(stopped.records()).containsExactly(first);
    }

    @Test
    void failingListenerDoesNotEndTheSubscription() throws Exception {
        Received received = new Received();
        track(store.subscribe(r -> {
            received.accept(r);
            throw new IllegalStateException("listener bug (expected in this test)");
        }));
        SignedRecord a = fixtures.signActive(fixtures.newKey(), 1, "alice");
        SignedRecord b = fixtures.signActive(fixtures.newKey(), 1, "alice");
        store.submit(a);
        store.submit(b);
        assertThat(received.awaitRecord(b)).containsExactly(a, b);
    }

    @Test
    void anotherStoreObjectOnTheSameDataSeesSubmissionsAndReopeningLosesNothing() throws Exception {
        List<SignedRecord> submitted = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            SignedRecord r = fixtures.signActive(fixtures.newKey(), 1, "alice");
            store.submit(r);
            submitted.add(r);
        }
        RecordStore second = track(openSameStore());
        for (SignedRecord r : submitted) {
            assertThat(second.byKeyId(r.record().keyId())).contains(r);
        }
        // the second object's writes obey the first one's stored state
        assertThatThrownBy(() -> second.submit(fixtures.signActive(publicKey(submitted.get(0)), 1, "mallory")))
                .isInstanceOfSatisfying(DirectoryException.class,
                        e -> assertThat(e.error()).isEqualTo(DirectoryError.SERIAL_CONFLICT));
        store.close();
        store = openSameStore();
        assertThat(store.list()).containsExactlyInAnyOrderElementsOf(submitted);
    }

    static PublicKeyRecord publicKey(SignedRecord r) {
        return r.record().publicKey();
    }

    @Test
    void concurrentSubmissionsOfOneKeyKeepTheHighestSerial() throws Exception {
        PublicKeyRecord k = fixtures.newKey();
        int writers = 4;
        int perWriter = 5;
        List<SignedRecord> records = new ArrayList<>();
        for (int serial = 1; serial <= writers * perWriter; serial++) {
            records.add(fixtures.signActive(k, serial, "alice"));
        }
        Collections.shuffle(records, new java.util.Random(7));
        RecordStore second = track(openSameStore());
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        ConcurrentHashMap<String, Integer> outcomes = new ConcurrentHashMap<>();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                RecordStore target = w % 2 == 0 ? store : second;
                List<SignedRecord> mine = records.subList(w * perWriter, (w + 1) * perWriter);
                futures.add(pool.submit(() -> {
                    for (SignedRecord r : mine) {
                        try {
                            outcomes.merge(target.submit(r).name(), 1, Integer::sum);
                        } catch (DirectoryException e) {
                            outcomes.merge(e.error().name(), 1, Integer::sum);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(outcomes.keySet()).isSubsetOf("STORED", "STALE_RECORD");
        assertThat(outcomes.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(writers * perWriter);
        assertThat(store.byKeyId(k.keyId()).orElseThrow().record().serial()).isEqualTo(writers * perWriter);
        assertThat(store.list()).hasSize(1);
    }

    @Test
    void closedStoreFailsWithStoreFailure() throws DirectoryException {
        SignedRecord r = fixtures.signActive(fixtures.newKey(), 1, "alice");
        store.close();
        assertThatThrownBy(() -> store.byKeyId(r.record().keyId()))
                .isInstanceOfSatisfying(DirectoryException.class,
                        e -> assertThat(e.error()).isEqualTo(DirectoryError.STORE_FAILURE))
                .hasMessageContaining(r.record().keyId().hex());
        assertThatThrownBy(() -> store.submit(r))
                .isInstanceOfSatisfying(DirectoryException.class,
                        e -> assertThat(e.error()).isEqualTo(DirectoryError.STORE_FAILURE))
                .hasMessageContaining("serial 1");
    }
}
