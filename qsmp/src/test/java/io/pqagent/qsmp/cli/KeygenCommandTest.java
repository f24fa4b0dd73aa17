package io.pqagent.qsmp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.pqagent.qsmp.crypto.ParameterSet;
import io.pqagent.qsmp.keys.KeyFiles;
import io.pqagent.qsmp.keys.KeyGeneration;
import io.pqagent.qsmp.keys.PublicKeyRecord;
import io.pqagent.qsmp.keys.Qpkey;
import io.pqagent.qsmp.keys.Qskey;
import io.pqagent.qsmp.keys.SigningKeyRecord;
import io.pqagent.qsmp.wire.QsmpConstants;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code qsmp keygen}: files in the reference layout, the key id asked for, no silent overwrite, one-line errors. */
class KeygenCommandTest {
    private static final String KID = "00112233445566778899aabbccddeeff";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();

    @Test
    void writesBothFilesInTheReferenceLayoutWithTheGivenKeyId() throws Exception {
        long before = System.currentTimeMillis() / 1000;
        assertThat(run("--name", "server", "--kid", KID.toUpperCase(), "--out", dir.toString())).isZero();
        long after = System.currentTimeMillis() / 1000;
        assertThat(err()).isEmpty();

        Path qpkey = dir.resolve("server_public_key.qpkey");
        Path qskey = dir.resolve("server_secret_key.qskey");
        assertThat(qpkey).hasSize(3746); // qsmp_public_key_encoding_size() for ML-DSA-87, NULs included
        assertThat(qskey).hasSize(Qskey.size(ParameterSet.DEFAULT));
        PublicKeyRecord pub = KeyFiles.readQpkey(qpkey);
        assertThat(pub.keyId().hex()).isEqualTo(KID);
        assertThat(pub.config().text()).isEqualTo("dilithium-s5_kyber-s5_sha3_rcs");
        assertThat(pub.expiration()).isBetween(before + QsmpConstants.PUBKEY_DURATION_SECONDS,
                after + QsmpConstants.PUBKEY_DURATION_SECONDS);
        // byte for byte what the reference's encoder writes for that record: text, then NULs to the buffer size
        assertThat(Files.readAllBytes(qpkey)).isEqualTo(Qpkey.encodeFile(pub));
        try (SigningKeyRecord secret = KeyFiles.readQskey(qskey)) {
            assertThat(secret.publicRecord()).isEqualTo(pub);
        }
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(qskey))).isEqualTo("rw-------");
        }
        assertThat(out()).contains(qskey.toString()).contains(qpkey.toString()).contains(KID);
    }

    @Test
    void aRandomKeyIdDiffersBetweenKeys() throws Exception {
        assertThat(run("--name", "a", "--random-kid", "--out", dir.toString())).isZero();
        assertThat(run("--name", "b", "--random-kid", "--out", dir.toString())).isZero();
        PublicKeyRecord a = KeyFiles.readQpkey(dir.resolve("a_public_key.qpkey"));
        PublicKeyRecord b = KeyFiles.readQpkey(dir.resolve("b_public_key.qpkey"));
        assertThat(a.keyId()).isNotEqualTo(b.keyId());
        assertThat(a.verificationKey()).isNotEqualTo(b.verificationKey());
    }

    @Test
    void configDaysAndClockOffsetShapeTheRecord() throws Exception {
        long offset = -400 * KeyGeneration.SECONDS_PER_DAY;
        long before = System.currentTimeMillis() / 1000;
        assertThat(run("--name", "old", "--kid", KID, "--out", dir.resolve("sub/dir").toString(),
                "--config", "dilithium-s3_kyber-s3_sha3_rcs", "--days", "2", "--clock-offset", Long.toString(offset)))
                .isZero();
        long after = System.currentTimeMillis() / 1000;
        Path qpkey = dir.resolve("sub/dir/old_public_key.qpkey");
        assertThat(qpkey).hasSize(2880);
        PublicKeyRecord pub = KeyFiles.readQpkey(qpkey);
        assertThat(pub.parameterSet()).isEqualTo(ParameterSet.DILITHIUM_S3_KYBER_S3);
        long twoDays = 2 * KeyGeneration.SECONDS_PER_DAY;
        assertThat(pub.expiration()).isBetween(before + offset + twoDays, after + offset + twoDays);
        assertThat(pub.isExpiredAt(after)).isTrue(); // how the end-to-end tests make an expired key
    }

    @Test
    void refusesToOverwriteUnlessForced() throws Exception {
        assertThat(run("--name", "server", "--kid", KID, "--out", dir.toString())).isZero();
        Path qskey = dir.resolve("server_secret_key.qskey");
        Path qpkey = dir.resolve("server_public_key.qpkey");
        byte[] secret = Files.readAllBytes(qskey);
        byte[] pub = Files.readAllBytes(qpkey);

        clear();
        assertThat(run("--name", "server", "--random-kid", "--out", dir.toString())).isEqualTo(2);
        assertOneLineError("already exists", "--force");
        assertThat(Files.readAllBytes(qskey)).isEqualTo(secret);
        assertThat(Files.readAllBytes(qpkey)).isEqualTo(pub);

        // only the public file left behind still blocks both
        Files.delete(qskey);
        clear();
        assertThat(run("--name", "server", "--random-kid", "--out", dir.toString())).isEqualTo(2);
        assertOneLineError(qpkey.toString(), "already exists");
        assertThat(qskey).doesNotExist();

        clear();
        assertThat(run("--name", "server", "--random-kid", "--out", dir.toString(), "--force")).isZero();
        assertThat(Arrays.equals(Files.readAllBytes(qpkey), pub)).isFalse();
        assertThat(KeyFiles.readQpkey(qpkey).keyId().hex()).isNotEqualTo(KID);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "--kid 00112233445566778899aabbccddeefg                   | key id character 32 is not a hex digit: 'g'",
        "--kid 0011                                               | a key id is 32 hex digits, got 4 characters",
        "--kid 00112233445566778899aabbccddeeff00                 | a key id is 32 hex digits, got 34 characters",
        "--random-kid --config dilithium-s9_kyber-s9_sha3_rcs     | unknown QSMP configuration 'dilithium-s9_kyber-s9_sha3_rcs'",
        "--random-kid --config dilithium-s5_kyber-s6_sha3_rcs     | is refused: Kyber k=5 is non-standard",
        "--random-kid --config sphincs-s5f_mceliece-s5_sha3_rcs   | is flagged",
        "--random-kid --days 0                                    | --days must be at least 1, got 0",
        "--random-kid --days 3000000                              | goes past 9999-12-31",
        "--random-kid --name ../escape                            | --name must be a plain file name prefix",
    })
    void badInputIsOneLineAndWritesNothing(String args, String reason) throws Exception {
        List<String> argv = new ArrayList<>(List.of(args.split(" ")));
        if (!argv.contains("--name")) {
            argv.addAll(List.of("--name", "server"));
        }
        argv.addAll(List.of("--out", dir.resolve("keys").toString()));
        assertThat(run(argv.toArray(String[]::new))).isEqualTo(2);
        assertOneLineError(reason);
        assertThat(err()).startsWith("qsmp keygen: ");
        assertThat(dir.resolve("keys")).doesNotExist();
    }

    @Test
    void theKeyIdChoiceIsRequiredAndExclusive() {
        assertThat(run("--name", "s", "--out", dir.toString())).isEqualTo(2);
        assertThat(err()).contains("--kid").contains("--random-kid");
        clear();
        assertThat(run("--name", "s", "--kid", KID, "--random-kid", "--out", dir.toString())).isEqualTo(2);
        assertThat(err()).contains("mutually exclusive");
    }

    @Test
    void aFileInPlaceOfTheDirectoryIsAOneLineFailure() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-dir"), "x");
        assertThat(run("--name", "s", "--random-kid", "--out", file.toString())).isEqualTo(1);
        assertOneLineError("cannot write the key files in " + file);
    }

    private int run(String... args) {
        return QsmpMain.execute(prepend("keygen", args), new ByteArrayInputStream(new byte[0]),
                new PrintStream(outBytes, true, StandardCharsets.UTF_8),
                new PrintStream(errBytes, true, StandardCharsets.UTF_8));
    }

    private static String[] prepend(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    private void assertOneLineError(String... fragments) {
        assertThat(err().lines().toList()).hasSize(1);
        for (String f : fragments) {
            assertThat(err()).contains(f);
        }
    }

    private void clear() {
        outBytes.reset();
        errBytes.reset();
    }

    private String out() {
        return outBytes.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }
}
