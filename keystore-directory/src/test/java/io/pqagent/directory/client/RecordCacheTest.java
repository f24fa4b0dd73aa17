package io.pqagent.directory.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pqagent.directory.record.DirectoryRecord;
import io.pqagent.directory.record.SignedRecord;
import io.pqagent.directory.record.RecordFixtures;
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
    private static RecordFixtures authority;
    private static long serial = 10;
    private static PublicKeyRecord keyA;
    private static PublicKeyRecord keyA2;
    private static PublicKeyRecord keyB;

    @TempDir
    Path dir;

    @BeforeAll
    static void keys() {
        authority = new RecordFixtures();
        keyA = authority.newKey(NOW + 86_400);
        keyA2 = authority.newKey(NOW + 2 * 86_400);
        keyB = authority.newKey(NOW + 86_400);
    }

    @AfterAll
    static void close() {
        authority.close();
    }

    private static SignedRecord register(PublicKeyRecord key, String owner) {
        return authority.signActive(key, ++serial, owner);
    }

    @Test
    void candidatesAreTheActiveUnexpiredKeysOfConfiguredPeersAndSurviveARestart() throws IOException {
        Path file = dir.resolve("cache");
        RecordCache cache = RecordCache.open(file, authority.authorityKey(), CLOCK);
        cache.offer(register(keyA, "substation-a"));
        cache.offer(register(keyA2, "substation-a")); // rotation: both keys valid in the overlap
        cache.offer(register(keyB, "substation-b"));
        PublicKeyRecord expired = authority.newKey(NOW - 1);
        cache.offer(register(expired, "substation-a"));

        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        RecordCache reopened = RecordCache.open(file, authority.authorityKey(), CLOCK);
        assertThat(reopened.size()).isEqualTo(4);
        DirectoryKeyQuery query = DirectoryKeyQuery.forPeers(reopened, Set.of("substation-a"));
        assertThat(query.candidates(new byte[16], null)).containsExactlyInAnyOrder(keyA.verificationKey(),
                keyA2.verificationKey());
    }

    @Test
    void aRevocationRemovesTheCandidateAndIsFinal() throws IOException {
        RecordCache cache = RecordCache.open(dir.resolve("cache"), authority.authorityKey(), CLOCK);
        List<DirectoryRecord> changes = new ArrayList<>();
        cache.addListener(changes::add);
        SignedRecord registered = register(keyB, "substation-b");
        cache.offer(registered);
        SignedRecord revoked = authority.revoke(registered.record());
        assertThat(cache.offer(revoked)).isTrue();
        // a newer registration of a revoked key id never brings it back
        serial += 10;
        assertThat(cache.offer(register(keyB, "substation-b"))).isFalse();
        // an older record replayed changes nothing
        assertThat(cache.offer(registered)).isFalse();
        assertThat(cache.isRevoked(keyB.keyId())).isTrue();
        assertThat(DirectoryKeyQuery.forPeers(cache, Set.of("substation-b")).candidates(new byte[16], null)).isEmpty();
        assertThat(changes).extracting(DirectoryRecord::isActive).containsExactly(true, false);
    }

    @Test
    void aRecordThatNoLongerVerifiesIsDroppedOnLoad() throws IOException {
        Path file = dir.resolve("cache");
        RecordCache cache = RecordCache.open(file, authority.authorityKey(), CLOCK);
        cache.offer(register(keyA, "substation-a"));
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 10] ^= 1; // inside the signature
        Files.write(file, bytes);
        RecordCache reopened = RecordCache.open(file, authority.authorityKey(), CLOCK);
        assertThat(reopened.size()).isZero();
        // and a cache verified under another authority trusts nothing of this one
        try (RecordFixtures other = new RecordFixtures()) {
            RecordCache good = RecordCache.open(dir.resolve("good"), authority.authorityKey(), CLOCK);
            good.offer(register(keyA, "substation-a"));
            assertThat(RecordCache.open(dir.resolve("good"), other.authorityKey(), CLOCK).size()).isZero();
        }
    }

    @Test
    void aTruncatedOrForeignFileIsASpecificError() throws IOException {
        Path file = dir.resolve("cache");
        RecordCache cache = RecordCache.open(file, authority.authorityKey(), CLOCK);
        cache.offer(register(keyA, "substation-a"));
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 100));
        assertThatThrownBy(() -> RecordCache.open(file, authority.authorityKey(), CLOCK))
                .isInstanceOf(IOException.class).hasMessageContaining("truncated");
        Files.writeString(file, "not a cache");
        assertThatThrownBy(() -> RecordCache.open(file, authority.authorityKey(), CLOCK))
                .isInstanceOf(IOException.class).hasMessageContaining("not a directory cache file");
    }

    @Test
    void aBatchKeepsTheNewerRecordsWithOneWriteOfTheFile() throws IOException {
        Path file = dir.resolve("cache");
        RecordCache cache = RecordCache.open(file, authority.authorityKey(), CLOCK);
        SignedRecord a = register(keyA, "substation-a");
        cache.offer(a);
        java.nio.file.attribute.FileTime first = Files.getLastModifiedTime(file);
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(0));
        List<DirectoryRecord> changes = new ArrayList<>();
        cache.addListener(changes::add);

        SignedRecord b = register(keyB, "substation-b");
        SignedRecord a2 = register(keyA2, "substation-a");
        // a replay of a changes nothing; b twice in one batch counts once
        assertThat(cache.offerAll(List.of(a, b, a2, b))).isEqualTo(2);
        assertThat(changes).extracting(DirectoryRecord::keyId).containsExactly(keyB.keyId(), keyA2.keyId());
        assertThat(Files.getLastModifiedTime(file).toMillis()).as("written again").isNotZero();
        assertThat(RecordCache.open(file, authority.authorityKey(), CLOCK).size()).isEqualTo(3);

        // a batch that changes nothing does not touch the file
        Files.setLastModifiedTime(file, first);
        assertThat(cache.offerAll(List.of(a, b, a2))).isZero();
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(first);
    }

    @Test
    void aRevocationReachesTheListenersEvenWhenTheFileCannotBeWritten() throws IOException {
        Path gone = dir.resolve("no-such-dir").resolve("cache");
        RecordCache cache = RecordCache.open(gone, authority.authorityKey(), CLOCK);
        List<DirectoryRecord> changes = new ArrayList<>();
        cache.addListener(changes::add);
        SignedRecord registered = register(keyB, "substation-b");
        assertThatThrownBy(() -> cache.offer(registered)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> cache.offer(authority.revoke(registered.record()))).isInstanceOf(IOException.class);
        assertThat(cache.isRevoked(keyB.keyId())).isTrue();
        assertThat(changes).extracting(DirectoryRecord::isActive).containsExactly(true, false);
    }
}
