package io.pqagent.keystore;

import static io.pqagent.keystore.Fixtures.passphrase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.pqagent.qsmp.crypto.ShakeEntropy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Owner-only files: modes checked on every read, writes that are all or nothing. */
class PrivateFileTest {
    @TempDir
    Path dir;

    private final ShakeEntropy entropy = new ShakeEntropy("private-file-test");

    private Path sealedFile() throws KeystoreException {
        Path file = dir.resolve("id.qid");
        try (PassphraseUnlock p = passphrase("p")) {
            SealedFile.write(file, SealedContent.IDENTITY, new byte[10], p, entropy);
        }
        return file;
    }

    private KeystoreError readError(Path file) {
        try (PassphraseUnlock p = passphrase("p")) {
            return catchThrowableOfType(KeystoreException.class,
                    () -> SealedFile.read(file, SealedContent.IDENTITY, p)).error();
        }
    }

    @Test
    void refusesAFileAnyoneElseCanAccessAndLeavesItAlone() throws Exception {
        Path file = sealedFile();
        for (String mode : new String[] {"rw-r-----", "rw----r--", "rw--w----", "rw-----w-", "rwx---r-x", "r-------x"}) {
            Fixtures.chmod(file, mode);
            String before = Fixtures.digest(file);
            assertThat(readError(file)).as(mode).isEqualTo(KeystoreError.INSECURE_PERMISSIONS);
            Fixtures.assertSameBytes(file, before);
            assertThat(Fixtures.mode(file)).as("mode not repaired behind the operator's back").isEqualTo(mode);
        }
        Fixtures.chmod(file, "r--------");
        try (PassphraseUnlock p = passphrase("p")) {
            assertThat(SealedFile.read(file, SealedContent.IDENTITY, p).length()).isEqualTo(10);
        }
    }

    @Test
    void refusesAFileInADirectoryOthersCanWrite() throws Exception {
        Path file = sealedFile();
        Fixtures.chmod(dir, "rwxrwx---");
        try {
            assertThat(readError(file)).isEqualTo(KeystoreError.INSECURE_PERMISSIONS);
        } finally {
            Fixtures.chmod(dir, "rwx------");
        }
    }

    @Test
    void aKeyFileMustBeOwnerOnlyAndExactly32Bytes() throws Exception {
        Path key = dir.resolve("unlock.key");
        for (int size : new int[] {0, 31, 33, 64}) {
            PrivateFile.write(key, new byte[size]);
            assertThat(catchThrowableOfType(KeystoreException.class, () -> Unlock.keyFile(key)).error())
                    .as("%d bytes", size).isEqualTo(KeystoreError.BAD_KEY_FILE);
        }
        PrivateFile.write(key, new byte[32]);
        Fixtures.chmod(key, "rw-r--r--");
        assertThat(catchThrowableOfType(KeystoreException.class, () -> Unlock.keyFile(key)).error())
                .isEqualTo(KeystoreError.INSECURE_PERMISSIONS);
        assertThat(catchThrowableOfType(KeystoreException.class, () -> Unlock.createKeyFile(key, entropy)).error())
                .as("an existing key file is never replaced").isEqualTo(KeystoreError.IO_FAILURE);
    }

    @Test
    void writesOwnerOnlyWhateverTheUmaskAndLeavesNoTemporaryFile() throws Exception {
        Path file = dir.resolve("f");
        PrivateFile.write(file, "one".getBytes(StandardCharsets.US_ASCII));
        PrivateFile.write(file, "two".getBytes(StandardCharsets.US_ASCII));
        assertThat(Files.readString(file)).isEqualTo("two");
        assertThat(Fixtures.mode(file)).isEqualTo("rw-------");
        assertThat(Fixtures.temporaryFiles(dir)).isZero();
    }

    @Test
    void aWriteThatFailsBeforeTheRenameKeepsTheOldContentAndNoTemporaryFile() throws Exception {
        Path file = dir.resolve("f");
        PrivateFile.write(file, "old".getBytes(StandardCharsets.US_ASCII));
        FaultInjector crash = point -> {
            assertThat(Fixtures.temporaryFiles(dir)).as("the new content sits in a temporary file").isOne();
            throw new IOException("disk full (simulated) at " + point);
        };
        KeystoreException e = catchThrowableOfType(KeystoreException.class,
                () -> PrivateFile.write(file, "new".getBytes(StandardCharsets.US_ASCII), crash));
        assertThat(e.error()).isEqualTo(KeystoreError.IO_FAILURE);
        assertThat(e.getMessage()).contains("disk full");
        assertThat(Files.readString(file)).isEqualTo("old");
        assertThat(Fixtures.temporaryFiles(dir)).isZero();
    }

    @Test
    void aWriteIntoAMissingDirectoryFailsCleanly() {
        Path file = dir.resolve("missing").resolve("f");
        assertThat(catchThrowableOfType(KeystoreException.class, () -> PrivateFile.write(file, new byte[1])).error())
                .isEqualTo(KeystoreError.IO_FAILURE);
    }

    @Test
    void createsItsDirectoryOwnerOnly() throws Exception {
        Path nested = dir.resolve("var/lib/qsmp-agent/identity");
        PrivateFile.ensureDirectory(nested);
        assertThat(Fixtures.mode(nested)).isEqualTo("rwx------");
        Fixtures.chmod(nested, "rwxrwxrwx");
        assertThat(catchThrowableOfType(KeystoreException.class, () -> PrivateFile.ensureDirectory(nested)).error())
                .isEqualTo(KeystoreError.INSECURE_PERMISSIONS);
    }
}
