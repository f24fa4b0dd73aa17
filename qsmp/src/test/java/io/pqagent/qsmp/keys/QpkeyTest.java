package io.pqagent.qsmp.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pqagent.qsmp.crypto.ConfigString;
import io.pqagent.qsmp.crypto.ParameterSet;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

class QpkeyTest {
    private static final PublicKeyRecord KEY87 = TestKeys.publicKey(ParameterSet.DILITHIUM_S5_KYBER_S5);
    private static final PublicKeyRecord KEY44 = TestKeys.publicKey(ParameterSet.DILITHIUM_S1_KYBER_S1);

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static String text87() {
        return Qpkey.encodeText(KEY87);
    }

    private static void rejects(String text, String message) {
        assertThatThrownBy(() -> Qpkey.decode(ascii(text))).isInstanceOf(KeyFileException.class)
                .hasMessageContaining(message);
    }

    @Test
    void fileSizesAreThoseOfTheCApps() {
        assertThat(Qpkey.fileSize(ParameterSet.DILITHIUM_S5_KYBER_S5)).isEqualTo(3746);
        assertThat(Qpkey.fileSize(ParameterSet.DILITHIUM_S3_KYBER_S3)).isEqualTo(2880);
        assertThat(Qpkey.fileSize(ParameterSet.DILITHIUM_S1_KYBER_S1)).isEqualTo(2015);
        assertThat(Qpkey.fileSize(ParameterSet.SPHINCS_S5F_MCELIECE_S5)).isEqualTo(325);
        assertThat(Qpkey.fileSize(ParameterSet.SPHINCS_S3F_MCELIECE_S3)).isEqualTo(301);
    }

    @Test
    void writesNineteenNulsAfterAThirtyCharacterConfiguration() {
        byte[] file = Qpkey.encodeFile(KEY87);
        int text = text87().length();
        assertThat(file.length - text).isEqualTo(19);
        for (int i = text; i < file.length; i++) {
            assertThat(file[i]).isZero();
        }
    }

    @Test
    void footerFollowsAPartialLastLineAndStandsAloneAfterAFullOne() {
        assertThat(text87()).contains("\n------END QSMP PUBLIC KEY BLOCK------\n"); // 3456 = 54 x 64
        assertThat(Qpkey.encodeText(KEY44)).containsPattern("[A-Za-z0-9+/=]------END QSMP PUBLIC KEY BLOCK------\n$");
    }

    @Test
    void rendersAndParsesExpirationInUtcWhateverTheDefaultZone() throws KeyFileException {
        TimeZone saved = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
            assertThat(text87()).contains("\nExpiration: 2026-10-09 08-53-20\n");
            assertThat(Qpkey.decode(ascii(text87())).expiration()).isEqualTo(TestKeys.EXPIRATION);
        } finally {
            TimeZone.setDefault(saved);
        }
    }

    @Test
    void roundTripsEveryParameterSet() throws KeyFileException {
        for (ParameterSet set : ParameterSet.values()) {
            PublicKeyRecord key = new PublicKeyRecord(0, set.config(), KEY87.keyId(),
                    new byte[set.signatureAlgorithm().verificationKeySize()]);
            assertThat(Qpkey.decode(Qpkey.encodeFile(key))).as(set.name()).isEqualTo(key);
        }
    }

    @Test
    void rejectsEmptyAndNulOnlyFiles() {
        assertThatThrownBy(() -> Qpkey.decode(new byte[0])).hasMessage("file is empty");
        assertThatThrownBy(() -> Qpkey.decode(new byte[100])).hasMessage("file holds only NUL bytes");
    }

    @Test
    void rejectsNulInsideTheText() {
        byte[] file = Qpkey.encodeFile(KEY87);
        file[10] = 0;
        assertThatThrownBy(() -> Qpkey.decode(file)).hasMessageContaining("NUL byte at offset 10 inside the text");
    }

    @Test
    void rejectsNonAsciiBytes() {
        byte[] file = ascii(text87());
        file[45] = (byte) 0xC3;
        assertThatThrownBy(() -> Qpkey.decode(file)).hasMessageContaining("byte 0xC3 at offset 45 is not printable ASCII");
    }

    @Test
    void rejectsAWrongHeader() {
        rejects(text87().replace("BEGIN", "BEGAN"), "line 1: expected '------BEGIN QSMP PUBLIC KEY BLOCK------'");
    }

    @Test
    void rejectsAMissingVersionLine() {
        rejects(text87().replace("Version: QSMP v1.2\n", ""), "line 2 (Version): expected it to start with 'Version: '");
    }

    @Test
    void acceptsAnotherVersionNumber() throws KeyFileException {
        assertThat(Qpkey.decode(ascii(text87().replace("QSMP v1.2", "QSMP v1.3")))).isEqualTo(KEY87);
    }

    @Test
    void rejectsAnUnknownConfiguration() {
        rejects(text87().replace("dilithium-s5_kyber-s5", "dilithium-s9_kyber-s5"),
                "line 3 (Configuration): unknown QSMP configuration 'dilithium-s9_kyber-s5_sha3_rcs'");
    }

    @Test
    void rejectsARefusedConfigurationWithTheReason() {
        rejects(text87().replace("kyber-s5", "kyber-s6"), "line 3 (Configuration): configuration "
                + "'dilithium-s5_kyber-s6_sha3_rcs' is refused: Kyber k=5 is non-standard");
    }

    @Test
    void rejectsAnOverlongConfiguration() {
        rejects(text87().replace("_sha3_rcs", "_sha3_rcs" + "x".repeat(30)), "line 3 (Configuration): configuration is 60"
                + " characters, a configuration field holds at most 47");
    }

    @Test
    void rejectsAKeyOfAnotherSizeThanItsConfigurationSays() {
        // a ML-DSA-44 key labelled as ML-DSA-87 (the 2026-QSC mismatch of QSMP-WIRE §1.2)
        String relabelled = Qpkey.encodeText(KEY44).replace("dilithium-s1_kyber-s1", "dilithium-s5_kyber-s5");
        rejects(relabelled, "verification key is 1752 base64 characters, a dilithium-s5_kyber-s5_sha3_rcs key"
                + " (2592 bytes) is 3456");
    }

    @Test
    void rejectsABadHostId() {
        String hex = KEY87.keyId().hex();
        rejects(text87().replace(hex, hex.substring(1)), "line 4 (Host ID): a key id is 32 hex digits, got 31 characters");
        rejects(text87().replace(hex, "g" + hex.substring(1)), "line 4 (Host ID): key id character 1 is not a hex digit: 'g'");
    }

    @Test
    void rejectsABadExpiration() {
        rejects(text87().replace("2026-10-09 08-53-20", "2026-10-09 08:53:20"),
                "line 5 (Expiration): '2026-10-09 08:53:20' is not YYYY-MM-DD HH-MM-SS");
        rejects(text87().replace("2026-10-09 08-53-20", "2026-02-30 08-53-20"),
                "line 5 (Expiration): '2026-02-30 08-53-20' is not a valid date and time");
        rejects(text87().replace("2026-10-09 08-53-20", "1969-12-31 23-59-59"), "is before 1970-01-01");
    }

    @Test
    void rejectsBadBase64() {
        String t = text87();
        int keyStart = t.indexOf("Expiration: ");
        keyStart = t.indexOf('\n', keyStart) + 1;
        String broken = t.substring(0, keyStart + 5) + "*" + t.substring(keyStart + 6);
        rejects(broken, "line 6, column 6: '*' is not a base64 character");
        String paddedEarly = t.substring(0, keyStart + 5) + "=" + t.substring(keyStart + 6);
        rejects(paddedEarly, "verification key base64 is malformed");
    }

    @Test
    void rejectsATruncatedKey() {
        String t = text87();
        int footer = t.indexOf("------END");
        rejects(t.substring(0, footer - 65) + t.substring(footer), "verification key is 3392 base64 characters");
    }

    @Test
    void rejectsAMissingFooter() {
        rejects(text87().replace("------END QSMP PUBLIC KEY BLOCK------\n", ""), "no footer '------END QSMP PUBLIC KEY BLOCK------'");
    }

    @Test
    void rejectsTextAfterTheFooter() {
        rejects(text87() + "extra\n", "unexpected text after the footer: 'extra'");
        rejects(text87().replace("END QSMP PUBLIC KEY BLOCK------\n", "END QSMP PUBLIC KEY BLOCK------x\n"),
                "unexpected text after the footer: 'x'");
    }

    @Test
    void rejectsAFileThatStopsEarly() {
        String t = text87();
        rejects(t.substring(0, t.indexOf("\nHost ID")), "file ends after line 3, expected the Host ID line on line 4");
        rejects(t.substring(0, t.indexOf("Host ID")), "line 4 (Host ID): expected it to start with 'Host ID: ', found ''");
    }

    @Test
    void keepsTheVerificationKeyPrivateToTheRecord() {
        byte[] vk = KEY87.verificationKey();
        Arrays.fill(vk, (byte) 0);
        assertThat(KEY87.verificationKey()).isNotEqualTo(vk);
    }

    @Test
    void recordRefusesAKeyOfTheWrongSize() {
        assertThatThrownBy(() -> new PublicKeyRecord(0, ConfigString.of("dilithium-s5_kyber-s5_sha3_rcs"),
                KEY87.keyId(), new byte[10])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("verification keys are 2592 bytes, got 10");
    }

    @Test
    void expiresAfterItsLastSecond() {
        assertThat(KEY87.isExpiredAt(TestKeys.EXPIRATION)).isFalse();
        assertThat(KEY87.isExpiredAt(TestKeys.EXPIRATION + 1)).isTrue();
        assertThat(KEY87.isExpiredAt(-1L)).as("unsigned: 2^64-1 is far in the future").isTrue();
    }
}
