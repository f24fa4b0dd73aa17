package io.pqagent.qsmp.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pqagent.qsmp.crypto.ParameterSet;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyFilesTest {
    @TempDir
    Path dir;

    private static boolean posix(Path p) {
        return p.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    @Test
    void writesAndReadsAQskeyOwnerOnly() throws IOException, KeyFileException {
        Path path = dir.resolve("listener_secret_key.qskey");
        try (SigningKeyRecord key = TestKeys.signing(ParameterSet.DILITHIUM_S5_KYBER_S5, "files")) {
            KeyFiles.writeQskey(path, key);
            assertThat(Files.readAllBytes(path)).isEqualTo(Qskey.encode(key));
            if (posix(path)) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path))).isEqualTo("rw-------");
            }
            try (SigningKeyRecord back = KeyFiles.readQskey(path)) {
                assertThat(back.publicRecord()).isEqualTo(key.publicRecord());
                assertThat(back.signingKey().bytes()).isEqualTo(key.signingKey().bytes());
            }
        }
        assertThat(onlyFile()).isEqualTo(path);
    }

    @Test
    void writesAQpkeyAsTheCAppsDo() throws IOException, KeyFileException {
        Path path = dir.resolve("listener_public_key.qpkey");
        PublicKeyRecord key = TestKeys.publicKey(ParameterSet.DILITHIUM_S3_KYBER_S3);
        KeyFiles.writeQpkey(path, key);
        assertThat(Files.size(path)).isEqualTo(2880);
        assertThat(Files.readAllBytes(path)).isEqualTo(Qpkey.encodeFile(key));
        if (posix(path)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path))).isEqualTo("rw-r--r--");
        }
        assertThat(KeyFiles.readQpkey(path)).isEqualTo(key);
    }

    @Test
    void replacesAnExistingFileWhole() throws IOException, KeyFileException {
        Path path = dir.resolve("k.qpkey");
        Files.writeString(path, "old content that is longer than nothing");
        PublicKeyRecord key = TestKeys.publicKey(ParameterSet.DILITHIUM_S1_KYBER_S1);
        KeyFiles.writeQpkey(path, key);
        assertThat(KeyFiles.readQpkey(path)).isEqualTo(key);
        assertThat(onlyFile()).isEqualTo(path);
    }

    @Test
    void refusesAnAbsurdlyLargeFileBeforeReadingIt() throws IOException {
        Path path = dir.resolve("huge.qpkey");
        try (RandomAccessFile f = new RandomAccessFile(path.toFile(), "rw")) {
            f.setLength(KeyFiles.MAX_FILE_SIZE + 1); // sparse: no bytes are written or read
        }
        assertThatThrownBy(() -> KeyFiles.readQpkey(path)).isInstanceOf(KeyFileException.class)
                .hasMessageContaining("file is 4194305 bytes, larger than any key file");
        assertThatThrownBy(() -> KeyFiles.readQskey(path)).isInstanceOf(KeyFileException.class);
    }

    @Test
    void namesThePathOfABadFile() throws IOException {
        Path path = dir.resolve("bad.qskey");
        Files.write(path, new byte[7]);
        assertThatThrownBy(() -> KeyFiles.readQskey(path)).isInstanceOf(KeyFileException.class)
                .hasMessageStartingWith(path + ": file is 7 bytes");
    }

    private Path onlyFile() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.reduce((a, b) -> {
                throw new AssertionError("left-over file beside the key: " + a + ", " + b);
            }).orElseThrow();
        }
    }
}
