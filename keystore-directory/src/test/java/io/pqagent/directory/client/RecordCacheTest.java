package io.pqagent.directory.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pqagent.directory.record.DirectoryRecord;
import io.pqagent.directory.record.SignedRecord;
import io.pqagent.directory.testing.TestAuthority;
import io.pqagent.qsmp.keys.PublicKeyRecord;
import io.pqagent.qsmp.wire.Clock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordCacheTest {
    private static final long NOW = 1_800_000_000L;
    private static final Clock CLOCK = Clock.fixed(NOW);
    private static TestAuthority authority;
    private static PublicKeyRecord keyA;
    private static PublicKeyRecord keyA2;
    private static PublicKeyRecord keyB;

    @TempDir
    Path dir;

    @BeforeAll
    static void keys() {
        authority = new TestAuthority();
        keyA = TestAuthority.agentKey(NOW + 86_400).publicRecord();
        keyA2 = TestAuthority.agentKey(NOW + 2 * 86_400).publicRecord();
        keyB = TestAuthority.agentKey(NOW + 86_400).publicRecord();
    }

    @AfterAll
    static void close() {
        authority.close();
    }

    @Test
    void candidatesAreTheActiveUnexpiredKeysOfConfiguredPeersAndSurviveARestart() throws IOException {
        Path file = dir.resolve("cache");
        RecordCache cache = RecordCache.open(file, authority.publicKey(), CLOCK);
        cache.offer(authority.register(keyA, "substation-a"));
        cache.offer(authority.register(keyA2, "substation-a")); // rotation: both keys valid in the overlap
        cache.offer(authority.register(keyB, "substation-b"));
        PublicKeyRecord expired = TestAuthority.agentKey(NOW - 1).publicRecord();
        cache.offer(authority.register(expired, "substation-a"));

        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        RecordCache reopened = RecordCache.open(file, authority.publicKey(), CLOCK);
        assertThat(reopened.size()).isEqualTo(4);
        DirectoryKeyQuery query = DirectoryKeyQuery.forPeers(reopened, Set.of("substation-a"));
        assertThat(query.candidates(new byte[16], null)).containsExactlyInAnyOrder(keyA.verificationKey(),
                keyA2.verificationKey());
    }

    @Test
    void aRevocationRemovesTheCandidateAndIsFinal() throws IOException {
        RecordCache cache = RecordCache.open(dir.resolve("cache"), authority.publicKey(), CLOCK);
        List<DirectoryRecord> changes = new ArrayList<>();
        cache.addListener(changes::add);
        SignedRecord registered = authority.register(keyB, "substation-b");
        cache.offer(registered);
        SignedRecord revoked = authority.revoke(registered.record());
        assertThat(cache.offer(revoked)).isTrue();
        // a newer registration of a revoked key id never brings it back
        assertThat(cache.offer(authority.register(keyB, "substation-b"))).isFalse();
        // an older record replayed changes nothing
        assertThat(cache.offer(registered)).isFalse();
        assertThat(cache.isRevoked(keyB.keyId())).isTrue();
        assertThat(DirectoryKeyQuery.forPeers(cache, Set.of("substation-b")).candidates(new byte[16], null)).isEmpty();
        assertThat(changes).extracting(DirectoryRecord::isActive).containsExactly(true, false);
    }

    @Test
    void aRecordThatNoLongerVerifiesIsDroppedOnLoad() throws IOException {
        Path file = dir.resolve("cache");
        RecordCache cache = RecordCache.open(file, authority.publicKey(), CLOCK);
        cache.offer(authority.register(keyA, "substation-a"));
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 10] ^= 1; // inside the signature
        Files.write(file, bytes);
        RecordCache reopened = RecordCache.open(file, authority.publicKey(), CLOCK);
        assertThat(reopened.size()).isZero();
        // and a cache verified under another authority trusts nothing of this one
        try (TestAuthority other = new TestAuthority()) {
            RecordCache good = RecordCache.open(dir.resolve("good"), authority.publicKey(), CLOCK);
            good.offer(authority.register(keyA, "substation-a"));
            assertThat(RecordCache.open(dir.resolve("good"), other.publicKey(), CLOCK).size()).isZero();
        }
    }

    @Test
    void aTruncatedOrForeignFileIsASpecificError() throws IOException {
        Path file = dir.resolve("cache");
        RecordCache cache = RecordCache.open(file, authority.publicKey(), CLOCK);
        cache.offer(authority.register(keyA, "substation-a"));
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 100));
        assertThatThrownBy(() -> RecordCache.open(file, authority.publicKey(), CLOCK))
                .isInstanceOf(IOException.class).hasMessageContaining("truncated");
        Files.writeString(file, "not a cache");
        assertThatThrownBy(() -> RecordCache.open(file, authority.publicKey(), CLOCK))
                .isInstanceOf(IOException.class).hasMessageContaining("not a directory cache file");
    }
}
