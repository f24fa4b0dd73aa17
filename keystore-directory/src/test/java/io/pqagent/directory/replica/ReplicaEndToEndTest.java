package io.pqagent.directory.replica;

import static org.assertj.core.api.Assertions.assertThat;

import io.pqagent.directory.client.DirectoryClient;
import io.pqagent.directory.protocol.DirectoryRequest;
import io.pqagent.directory.protocol.DirectoryResponse;
import io.pqagent.directory.record.DirectoryError;
import io.pqagent.directory.record.DirectoryException;
import io.pqagent.directory.record.DirectoryRecord;
import io.pqagent.directory.record.RecordFixtures;
import io.pqagent.directory.record.RecordStatus;
import io.pqagent.directory.record.SignedRecord;
import io.pqagent.directory.store.RecordStore.Submission;
import io.pqagent.directory.store.SqliteRecordStore;
import io.pqagent.qsmp.crypto.ParameterSet;
import io.pqagent.qsmp.keys.KeyId;
import io.pqagent.qsmp.keys.PublicKeyRecord;
import io.pqagent.qsmp.transport.Tunnel;
import io.pqagent.qsmp.transport.TunnelHandler;
import io.pqagent.qsmp.transport.TransportSettings;
import io.pqagent.qsmp.wire.Clock;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A replica on a real socket with the embedded store, driven by the real client. */
class ReplicaEndToEndTest {
    private static final Clock CLOCK = Clock.fixed(1_800_000_000L);
    private static RecordFixtures fixtures;
    private static ReplicaHarness harness;
    private static DirectoryReplica replica;
    private static DirectoryClient client;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        fixtures = new RecordFixtures();
        harness = new ReplicaHarness();
        replica = harness.start(SqliteRecordStore.open(dir.resolve("records.db")), fixtures.authorityKey(), CLOCK);
        client = harness.client(fixtures.authorityKey(), replica);
    }

    @AfterAll
    static void stop() throws Exception {
        harness.close();
        fixtures.close();
    }

    @Test
    void registerLookUpListRevoke() throws DirectoryException {
        PublicKeyRecord key = fixtures.newKey();
        SignedRecord registered = fixtures.signActive(key, 5, "substation-e2e");
        assertThat(client.submit(registered)).isEqualTo(Submission.STORED);
        assertThat(client.submit(registered)).isEqualTo(Submission.ALREADY_PRESENT);
        assertThat(client.lookup(key.keyId())).isEqualTo(registered);
        assertThat(client.lookupOwner("substation-e2e")).containsExactly(registered);
        assertThat(client.list()).contains(registered);

        SignedRecord revoked = fixtures.revoke(registered.record());
        assertThat(client.submit(revoked)).isEqualTo(Submission.STORED);
        assertThat(client.lookup(key.keyId()).record().status()).isEqualTo(RecordStatus.REVOKED);
        // final: a later registration of the same key id is refused
        assertThat(refusal(fixtures.signActive(key, 50, "substation-e2e"))).isEqualTo(DirectoryError.KEY_REVOKED);
    }

    @Test
    void everyBadSubmissionIsRefusedWithItsErrorAndNothingIsStored() throws Exception {
        PublicKeyRecord key = fixtures.newKey();
        SignedRecord newer = fixtures.signActive(key, 20, "substation-bad");
        client.submit(newer);
        List<SignedRecord> before = client.list();

        // signed by another authority
        try (RecordFixtures other = new RecordFixtures()) {
            assertThat(refusal(other.signActive(fixtures.newKey(), 1, "intruder"))).isEqualTo(DirectoryError.BAD_SIGNATURE);
        }
        // unsigned: the body with a signature of zeros
        byte[] unsigned = newer.encode();
        java.util.Arrays.fill(unsigned, unsigned.length - 100, unsigned.length, (byte) 0);
        assertThat(rawSubmit(unsigned)).isEqualTo(DirectoryError.BAD_SIGNATURE);
        // replayed older record
        assertThat(refusal(fixtures.signActive(key, 19, "substation-bad"))).isEqualTo(DirectoryError.STALE_RECORD);
        // another configuration than the directory serves
        PublicKeyRecord s3 = fixtures.newKey(ParameterSet.DILITHIUM_S3_KYBER_S3, KeyId.random(
                io.pqagent.qsmp.crypto.EntropySource.system()));
        assertThat(refusal(fixtures.signActive(s3, 1, "substation-s3"))).isEqualTo(DirectoryError.WRONG_CONFIGURATION);
        // expired
        PublicKeyRecord old = fixtures.newKey(CLOCK.utcSeconds() - 1);
        assertThat(refusal(fixtures.signActive(old, 1, "substation-old"))).isEqualTo(DirectoryError.EXPIRED_RECORD);
        // oversized
        assertThat(rawSubmit(new byte[SignedRecord.MAX_ENCODED + 1])).isEqualTo(DirectoryError.FIELD_TOO_LARGE);
        // revocation of a key id never registered
        DirectoryRecord unknown = fixtures.active(fixtures.newKey(), 1, "nobody");
        assertThat(refusal(fixtures.revoke(unknown))).isEqualTo(DirectoryError.UNKNOWN_KEY_ID);
        // and a lookup of an unknown key id
        try {
            client.lookup(unknown.keyId());
            throw new AssertionError("found an unknown key id");
        } catch (DirectoryException e) {
            assertThat(e.error()).isEqualTo(DirectoryError.UNKNOWN_KEY_ID);
        }
        assertThat(client.list()).containsExactlyInAnyOrderElementsOf(before);
    }

    @Test
    void subscribersReceiveEachStoredRecordVerified() throws Exception {
        DirectoryClient subscriber = harness.client(fixtures.authorityKey(), replica);
        BlockingQueue<SignedRecord> pushed = new LinkedBlockingQueue<>();
        subscriber.subscribe(pushed::add, () -> { });
        SignedRecord registered = fixtures.signActive(fixtures.newKey(), 7, "substation-push");
        client.submit(registered);
        assertThat(pushed.poll(10, TimeUnit.SECONDS)).isEqualTo(registered);
        SignedRecord revoked = fixtures.revoke(registered.record());
        client.submit(revoked);
        assertThat(pushed.poll(10, TimeUnit.SECONDS)).isEqualTo(revoked);
    }

    @Test
    void aMalformedRequestGetsAnErrorAnswerAndTheTunnelStays() throws Exception {
        BlockingQueue<byte[]> answers = new LinkedBlockingQueue<>();
        Tunnel raw = rawTunnel(answers);
        raw.send(new byte[] {0x42, 0, 0, 0, 9}).get(10, TimeUnit.SECONDS);
        DirectoryResponse r = decode(answers.poll(10, TimeUnit.SECONDS));
        assertThat(r).isInstanceOf(DirectoryResponse.Failure.class);
        assertThat(((DirectoryResponse.Failure) r).error()).isEqualTo(DirectoryError.UNSUPPORTED_REQUEST);
        assertThat(r.requestId()).isEqualTo(9);
        raw.send(new DirectoryRequest.Subscribe(10).encode()).get(10, TimeUnit.SECONDS);
        assertThat(decode(answers.poll(10, TimeUnit.SECONDS))).isEqualTo(new DirectoryResponse.Subscribed(10));
        raw.close();
    }

    private static DirectoryError refusal(SignedRecord record) {
        try {
            client.submit(record);
            throw new AssertionError("accepted " + record);
        } catch (DirectoryException e) {
            return e.error();
        }
    }

    private static DirectoryError rawSubmit(byte[] signedRecord) throws Exception {
        BlockingQueue<byte[]> answers = new LinkedBlockingQueue<>();
        Tunnel raw = rawTunnel(answers);
        try {
            raw.send(new DirectoryRequest.Submit(77, signedRecord).encode()).get(10, TimeUnit.SECONDS);
            DirectoryResponse r = decode(answers.poll(10, TimeUnit.SECONDS));
            return ((DirectoryResponse.Failure) r).error();
        } finally {
            raw.close();
        }
    }

    private static Tunnel rawTunnel(BlockingQueue<byte[]> answers) throws Exception {
        TunnelHandler handler = (t, m) -> answers.add(m);
        return harness.network.connectSimplex(ReplicaHarness.CTX, harness.replicaKey.publicRecord(),
                replica.localAddress(), TransportSettings.DEFAULTS, handler).get(10, TimeUnit.SECONDS);
    }

    private static DirectoryResponse decode(byte[] message) throws DirectoryException {
        assertThat(message).as("an answer within 10 s").isNotNull();
        return DirectoryResponse.decode(message);
    }
}
