package io.pqagent.keystore;

import static io.pqagent.keystore.Fixtures.passphrase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.pqagent.qsmp.crypto.SecretBytes;
import io.pqagent.qsmp.crypto.ShakeEntropy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sealed container: round trips, and a specific error for every kind of damage, the file untouched. */
class SealedFileTest {
    private static final byte[] SECRET = "the content under seal, 38 bytes long".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;

    private final ShakeEntropy entropy = new ShakeEntropy("sealed-file-test");

    @Test
    void roundTripsWithAPassphrase() throws Exception {
        Path file = dir.resolve("a.sealed");
        try (PassphraseUnlock unlock = passphrase("correct horse")) {
            SealedFile.write(file, SealedContent.IDENTITY, SECRET, unlock, entropy);
        }
        assertThat(Files.size(file)).isEqualTo(SealedHeader.SIZE + SECRET.length + SealedHeader.TAG_SIZE);
        assertThat(Fixtures.mode(file)).isEqualTo("rw-------");
        assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).doesNotContain("under seal");
        try (PassphraseUnlock unlock = passphrase("correct horse");
                SecretBytes back = SealedFile.read(file, SealedContent.IDENTITY, unlock)) {
            assertThat(back.bytes()).isEqualTo(SECRET);
        }
    }

    @Test
    void roundTripsWithAKeyFile() throws Exception {
        Path keyFile = dir.resolve("unlock.key");
        Path file = dir.resolve("a.sealed");
        try (KeyFileUnlock unlock = Unlock.createKeyFile(keyFile, entropy)) {
            SealedFile.write(file, SealedContent.AUTHORITY_KEY, SECRET, unlock, entropy);
        }
        assertThat(Fixtures.mode(keyFile)).isEqualTo("rw-------");
        assertThat(Files.size(keyFile)).isEqualTo(KeyFileUnlock.SIZE);
        try (KeyFileUnlock unlock = Unlock.keyFile(keyFile);
                SecretBytes back = SealedFile.read(file, SealedContent.AUTHORITY_KEY, unlock)) {
            assertThat(back.bytes()).isEqualTo(SECRET);
        }
    }

    @Test
    void theDefaultArgon2CostRoundTrips() throws Exception {
        try (PassphraseUnlock unlock = Unlock.passphrase("default cost".toCharArray())) {
            assertThat(unlock.cost()).isEqualTo(new Argon2Cost(65536, 3, 1));
            byte[] sealed = SealedFile.seal(SealedContent.IDENTITY, SECRET, unlock, entropy);
            assertThat(SealedHeader.parse(sealed, SealedContent.IDENTITY, "f").kdf())
                    .isEqualTo(new KdfSpec.Argon2(Argon2Cost.DEFAULT));
            try (SecretBytes back = SealedFile.open(sealed, SealedContent.IDENTITY, unlock, "f")) {
                assertThat(back.bytes()).isEqualTo(SECRET);
            }
        }
    }

    @Test
    void aWrongPassphraseIsReportedAndTheFileIsUntouched() throws Exception {
        Path file = dir.resolve("a.sealed");
        try (PassphraseUnlock unlock = passphrase("hunter2-right")) {
            SealedFile.write(file, SealedContent.IDENTITY, SECRET, unlock, entropy);
        }
        String before = Fixtures.digest(file);
        try (PassphraseUnlock wrong = passphrase("guess-xyzzy")) {
            KeystoreException e = catchThrowableOfType(KeystoreException.class,
                    () -> SealedFile.read(file, SealedContent.IDENTITY, wrong));
            assertThat(e.error()).isEqualTo(KeystoreError.WRONG_PASSPHRASE_OR_TAMPERED);
            assertThat(e.getMessage()).contains("cannot tell these apart").contains(file.toString())
                    .doesNotContain("xyzzy").doesNotContain("hunter2");
        }
        Fixtures.assertSameBytes(file, before);
        assertThat(Fixtures.temporaryFiles(dir)).isZero();
    }

    @Test
    void theOtherUnlockMethodAndAnotherKeyFileAreNamed() throws Exception {
        byte[] byPassphrase;
        byte[] byKeyFile;
        try (PassphraseUnlock p = passphrase("p"); KeyFileUnlock k = Unlock.createKeyFile(dir.resolve("k1"), entropy)) {
            byPassphrase = SealedFile.seal(SealedContent.IDENTITY, SECRET, p, entropy);
            byKeyFile = SealedFile.seal(SealedContent.IDENTITY, SECRET, k, entropy);
            assertThat(errorOpening(byPassphrase, k)).isEqualTo(KeystoreError.WRONG_UNLOCK_METHOD);
            assertThat(errorOpening(byKeyFile, p)).isEqualTo(KeystoreError.WRONG_UNLOCK_METHOD);
        }
        try (KeyFileUnlock other = Unlock.createKeyFile(dir.resolve("k2"), entropy)) {
            assertThat(errorOpening(byKeyFile, other)).isEqualTo(KeystoreError.WRONG_KEY_FILE);
        }
    }

    @Test
    void anIdentityFileIsNotAnAuthorityKeyFile() throws Exception {
        try (PassphraseUnlock p = passphrase("p")) {
            byte[] sealed = SealedFile.seal(SealedContent.IDENTITY, SECRET, p, entropy);
            assertThatThrownBy(() -> SealedFile.open(sealed, SealedContent.AUTHORITY_KEY, p, "f"))
                    .isInstanceOfSatisfying(KeystoreException.class,
                            e -> assertThat(e.error()).isEqualTo(KeystoreError.WRONG_CONTENT_TYPE));
        }
    }

    @Test
    void everyTruncationIsReportedAsTruncated() throws Exception {
        try (KeyFileUnlock k = Unlock.createKeyFile(dir.resolve("k"), entropy)) {
            byte[] sealed = SealedFile.seal(SealedContent.IDENTITY, SECRET, k, entropy);
            for (int length = 0; length < sealed.length; length++) {
                byte[] cut = java.util.Arrays.copyOf(sealed, length);
                assertThat(errorOpening(cut, k)).as("first %d bytes", length).isEqualTo(KeystoreError.TRUNCATED);
            }
        }
    }

    @Test
    void everyTruncationOfAPassphraseFileOnDiskIsTruncatedAndUntouched() throws Exception {
        Path file = dir.resolve("a.sealed");
        try (PassphraseUnlock p = passphrase("p")) {
            byte[] sealed = SealedFile.seal(SealedContent.IDENTITY, SECRET, p, entropy);
            for (int length = 0; length < sealed.length; length++) {
                PrivateFile.write(file, java.util.Arrays.copyOf(sealed, length));
                String before = Fixtures.digest(file);
                KeystoreException e = catchThrowableOfType(KeystoreException.class,
                        () -> SealedFile.read(file, SealedContent.IDENTITY, p));
                assertThat(e.error()).as("first %d bytes", length).isEqualTo(KeystoreError.TRUNCATED);
                Fixtures.assertSameBytes(file, before);
            }
        }
    }

    @Test
    void everyBitFlipIsASpecificError() throws Exception {
        // key-file sealing: no Argon2 cost fields, so no flip can ask for a huge (slow) derivation
        try (KeyFileUnlock k = Unlock.createKeyFile(dir.resolve("k"), entropy)) {
            byte[] sealed = SealedFile.seal(SealedContent.IDENTITY, SECRET, k, entropy);
            for (int bit = 0; bit < 8 * sealed.length; bit++) {
                byte[] flipped = sealed.clone();
                flipped[bit / 8] ^= (byte) (1 << (bit % 8));
                assertThat(errorOpening(flipped, k)).as("bit %d", bit).isIn(expectedForFlipAt(bit / 8));
            }
        }
    }

    /** What a flipped bit at {@code offset} may cause, by header field (SealedHeader's layout). */
    private static Set<KeystoreError> expectedForFlipAt(int offset) {
        if (offset < 8) {
            return EnumSet.of(KeystoreError.NOT_A_KEYSTORE_FILE);
        }
        if (offset == 8) {
            return EnumSet.of(KeystoreError.UNSUPPORTED_VERSION);
        }
        if (offset == 9) {
            return EnumSet.of(KeystoreError.WRONG_CONTENT_TYPE);
        }
        if (offset == 10 || offset == 11) {
            // one bit off 2 (key file) or 1 (AES-GCM) is never a known id
            return EnumSet.of(KeystoreError.UNSUPPORTED_ALGORITHM);
        }
        if (offset >= 28 && offset < 44) {
            return EnumSet.of(KeystoreError.WRONG_KEY_FILE);
        }
        if (offset >= 56 && offset < 60) {
            // the ciphertext length: now too long for the file, too short for it, or out of range
            return EnumSet.of(KeystoreError.TRUNCATED, KeystoreError.TRAILING_BYTES,
                    KeystoreError.PARAMETERS_OUT_OF_RANGE);
        }
        // salt (12..27), nonce (44..55), ciphertext and tag: authenticated
        return EnumSet.of(KeystoreError.WRONG_PASSPHRASE_OR_TAMPERED);
    }

    private static KeystoreError errorOpening(byte[] file, Unlock unlock) {
        try (SecretBytes opened = SealedFile.open(file, SealedContent.IDENTITY, unlock, "f")) {
            return null;
        } catch (KeystoreException e) {
            return e.error();
        }
    }
}
