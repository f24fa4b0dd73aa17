package io.pqagent.keystore;

import static io.pqagent.keystore.Fixtures.passphrase;
import static org.assertj.core.api.Assertions.assertThat;

import io.pqagent.qsmp.crypto.SecretBytes;
import io.pqagent.qsmp.crypto.ShakeEntropy;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * A crafted header cannot make us work or allocate beyond the caps: Argon2 cost and ciphertext length
 * are refused before any derivation; a changed cost within the caps is tampering (the header is
 * authenticated).
 */
class SealedHeaderLimitsTest {
    private static final int MEMORY = 28;
    private static final int ITERATIONS = 32;
    private static final int LANES = 36;
    private static final int RESERVED = 40;
    private static final int LENGTH = 56;

    private final ShakeEntropy entropy = new ShakeEntropy("sealed-header-limits");

    private byte[] sealed(PassphraseUnlock p) throws KeystoreException {
        return SealedFile.seal(SealedContent.IDENTITY, new byte[100], p, entropy);
    }

    private static byte[] withInt(byte[] file, int offset, int value) {
        byte[] out = file.clone();
        ByteBuffer.wrap(out).putInt(offset, value);
        return out;
    }

    private static KeystoreError error(byte[] file, Unlock unlock) {
        try (SecretBytes ignored = SealedFile.open(file, SealedContent.IDENTITY, unlock, "crafted")) {
            return null;
        } catch (KeystoreException e) {
            return e.error();
        }
    }

    @Test
    void refusesArgon2CostsBeyondTheCapsBeforeDerivingAnything() throws Exception {
        try (PassphraseUnlock p = passphrase("p")) {
            byte[] file = sealed(p);
            // 4 GiB of memory, 2^32-1 passes, 0 or 1000 lanes: each would be a denial of service
            for (byte[] crafted : new byte[][] {
                withInt(file, MEMORY, -1), withInt(file, MEMORY, Argon2Cost.MAX_MEMORY_KIB + 1),
                withInt(file, MEMORY, 7), withInt(file, ITERATIONS, -1), withInt(file, ITERATIONS, 0),
                withInt(file, ITERATIONS, Argon2Cost.MAX_ITERATIONS + 1), withInt(file, LANES, 0),
                withInt(file, LANES, 1000), withInt(file, RESERVED, 1)}) {
                assertThat(error(crafted, p)).isEqualTo(KeystoreError.PARAMETERS_OUT_OF_RANGE);
            }
        }
    }

    @Test
    void aChangedCostWithinTheCapsIsTampering() throws Exception {
        try (PassphraseUnlock p = passphrase("p")) {
            byte[] file = sealed(p);
            assertThat(error(withInt(file, MEMORY, 512), p)).isEqualTo(KeystoreError.WRONG_PASSPHRASE_OR_TAMPERED);
            assertThat(error(withInt(file, ITERATIONS, 2), p)).isEqualTo(KeystoreError.WRONG_PASSPHRASE_OR_TAMPERED);
            assertThat(error(withInt(file, LANES, 2), p)).isEqualTo(KeystoreError.WRONG_PASSPHRASE_OR_TAMPERED);
        }
    }

    @Test
    void refusesACiphertextLengthBeyondTheCapOrShorterThanATag() throws Exception {
        try (PassphraseUnlock p = passphrase("p")) {
            byte[] file = sealed(p);
            assertThat(error(withInt(file, LENGTH, -1), p)).isEqualTo(KeystoreError.PARAMETERS_OUT_OF_RANGE);
            assertThat(error(withInt(file, LENGTH, SealedHeader.MAX_CIPHERTEXT + 1), p))
                    .isEqualTo(KeystoreError.PARAMETERS_OUT_OF_RANGE);
            assertThat(error(withInt(file, LENGTH, 15), p)).isEqualTo(KeystoreError.PARAMETERS_OUT_OF_RANGE);
        }
    }

    @Test
    void refusesTrailingBytesAndForeignFiles() throws Exception {
        try (PassphraseUnlock p = passphrase("p")) {
            byte[] file = sealed(p);
            assertThat(error(Arrays.copyOf(file, file.length + 1), p)).isEqualTo(KeystoreError.TRAILING_BYTES);
            assertThat(error("-----BEGIN PRIVATE KEY-----".getBytes(java.nio.charset.StandardCharsets.US_ASCII), p))
                    .isEqualTo(KeystoreError.NOT_A_KEYSTORE_FILE);
            byte[] v2 = file.clone();
            v2[8] = 2;
            assertThat(error(v2, p)).isEqualTo(KeystoreError.UNSUPPORTED_VERSION);
        }
    }

    @Test
    void aFlipInThePassphraseHeaderOutsideTheCostIsTampering() throws Exception {
        try (PassphraseUnlock p = passphrase("p")) {
            byte[] file = sealed(p);
            for (int offset : new int[] {12, 27, 44, 55, SealedHeader.SIZE, file.length - 1}) {
                byte[] flipped = file.clone();
                flipped[offset] ^= 0x01;
                assertThat(error(flipped, p)).as("offset %d", offset)
                        .isEqualTo(KeystoreError.WRONG_PASSPHRASE_OR_TAMPERED);
            }
        }
    }
}
