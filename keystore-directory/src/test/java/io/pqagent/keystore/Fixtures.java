package io.pqagent.keystore;

import static org.assertj.core.api.Assertions.assertThat;

import io.pqagent.qsmp.crypto.Sha3;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;

/** Shared test values: cheap Argon2 (the defaults are covered by one test), passphrases, file digests. */
final class Fixtures {
    /** 256 KiB, one pass: a few milliseconds, so that hundreds of truncations stay fast. */
    static final Argon2Cost CHEAP = new Argon2Cost(256, 1, 1);

    private Fixtures() {
    }

    static PassphraseUnlock passphrase(String text) {
        return Unlock.passphrase(text.toCharArray(), CHEAP);
    }

    /** SHA3-256 of the file, to prove a refused file was not touched. */
    static String digest(Path file) {
        try {
            return HexFormat.of().formatHex(Sha3.sha256(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String mode(Path file) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void chmod(Path file, String mode) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every entry of {@code dir} whose name marks it as a temporary file of ours. */
    static long temporaryFiles(Path dir) {
        try (var files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(PrivateFile.TEMP_SUFFIX)).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void assertSameBytes(Path file, String digestBefore) {
        assertThat(digest(file)).as("bytes of %s", file).isEqualTo(digestBefore);
    }
}
