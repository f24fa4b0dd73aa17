package io.pqagent.keystore;

import static org.assertj.core.api.Assertions.assertThat;

import io.pqagent.qsmp.crypto.SecretBytes;
import io.pqagent.qsmp.crypto.ShakeEntropy;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Whatever the bytes, opening a sealed file or decoding identity content fails only with a
 * {@link KeystoreException}: nothing escapes from inside a parser.
 */
class SealedFileProperties {
    private static final KeyFileUnlock UNLOCK = keyFileUnlock();

    private static KeyFileUnlock keyFileUnlock() {
        try {
            java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("sealed-properties");
            java.nio.file.Path key = dir.resolve("k");
            KeyFileUnlock unlock = Unlock.createKeyFile(key, new ShakeEntropy("sealed-properties"));
            java.nio.file.Files.delete(key);
            java.nio.file.Files.delete(dir);
            return unlock;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Property(tries = 500)
    void arbitraryBytesAreRefusedWithAKeystoreError(@ForAll @Size(max = 200) byte[] file) {
        assertRefusedCleanly(file);
    }

    @Property(tries = 500)
    void arbitraryBytesAfterAValidMagicAndVersionAreRefusedWithAKeystoreError(
            @ForAll @Size(max = 200) byte[] tail) {
        byte[] file = new byte[9 + tail.length];
        System.arraycopy(SealedHeader.MAGIC, 0, file, 0, 8);
        file[8] = SealedHeader.VERSION;
        System.arraycopy(tail, 0, file, 9, tail.length);
        assertRefusedCleanly(file);
    }

    @Property(tries = 300)
    void aValidFileWithOneByteChangedIsRefusedWithAKeystoreError(@ForAll @IntRange(min = 0, max = 99) int position,
            @ForAll @IntRange(min = 1, max = 255) int delta) throws KeystoreException {
        byte[] file = SealedFile.seal(SealedContent.IDENTITY, new byte[24], UNLOCK, new ShakeEntropy("p"));
        file[position % file.length] += (byte) delta;
        assertRefusedCleanly(file);
    }

    @Property(tries = 300)
    void arbitraryDecryptedContentIsRefusedAsMalformed(@ForAll @Size(max = 120) byte[] content) {
        try {
            IdentityCodec.decode(SecretBytes.wrap(content), "content").close();
        } catch (KeystoreException e) {
            assertThat(e.error()).isEqualTo(KeystoreError.MALFORMED_CONTENT);
        }
    }

    private static void assertRefusedCleanly(byte[] file) {
        try (SecretBytes opened = SealedFile.open(file, SealedContent.IDENTITY, UNLOCK, "fuzzed")) {
            throw new AssertionError("opened a file that was never sealed: " + opened.length() + " bytes");
        } catch (KeystoreException e) {
            assertThat(e.error()).isNotNull();
        }
    }
}
