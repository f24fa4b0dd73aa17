package io.pqagent.qsmp.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pqagent.qsmp.crypto.ParameterSet;
import io.pqagent.qsmp.wire.LittleEndian;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class QskeyTest {

    private static byte[] file87() {
        try (SigningKeyRecord k = TestKeys.signing(ParameterSet.DILITHIUM_S5_KYBER_S5, "qskey-test")) {
            return Qskey.encode(k);
        }
    }

    @Test
    void sizesAreThoseOfTheReference() {
        assertThat(Qskey.size(ParameterSet.DILITHIUM_S5_KYBER_S5)).isEqualTo(7560);
        assertThat(Qskey.size(ParameterSet.DILITHIUM_S3_KYBER_S3)).isEqualTo(6056);
        assertThat(Qskey.size(ParameterSet.DILITHIUM_S1_KYBER_S1)).isEqualTo(3944);
        assertThat(Qskey.size(ParameterSet.SPHINCS_S5S_MCELIECE_S7)).isEqualTo(264);
        assertThat(Qskey.size(ParameterSet.SPHINCS_S3S_MCELIECE_S3)).isEqualTo(216);
    }

    @Test
    void layoutIsConfigExpirationKeyIdSigningKeyVerificationKey() throws KeyFileException {
        try (SigningKeyRecord k = TestKeys.signing(ParameterSet.DILITHIUM_S1_KYBER_S1, "layout")) {
            byte[] f = Qskey.encode(k);
            assertThat(Arrays.copyOfRange(f, 0, 48)).isEqualTo(k.config().field());
            assertThat(LittleEndian.getLong(f, 48)).isEqualTo(TestKeys.EXPIRATION);
            assertThat(Arrays.copyOfRange(f, 56, 72)).isEqualTo(k.keyId().bytes());
            assertThat(Arrays.copyOfRange(f, 72, 72 + 2560)).isEqualTo(k.signingKey().bytes());
            assertThat(Arrays.copyOfRange(f, 72 + 2560, f.length)).isEqualTo(k.verificationKey());
            try (SigningKeyRecord back = Qskey.decode(f)) {
                assertThat(back.publicRecord()).isEqualTo(k.publicRecord());
            }
        }
    }

    @Test
    void rejectsAFileOneByteShort() {
        byte[] f = Arrays.copyOf(file87(), 7559);
        assertThatThrownBy(() -> Qskey.decode(f)).isInstanceOf(KeyFileException.class)
                .hasMessage("file is 7559 bytes, a dilithium-s5_kyber-s5_sha3_rcs private key is 7560");
    }

    @Test
    void rejectsAFileOneByteLong() {
        byte[] f = Arrays.copyOf(file87(), 7561);
        assertThatThrownBy(() -> Qskey.decode(f))
                .hasMessage("file is 7561 bytes, a dilithium-s5_kyber-s5_sha3_rcs private key is 7560");
    }

    @Test
    void rejectsAFileShorterThanTheHeader() {
        assertThatThrownBy(() -> Qskey.decode(new byte[71])).isInstanceOf(KeyFileException.class)
                .hasMessageContaining("file is 71 bytes, shorter than the 72-byte .qskey header");
    }

    @Test
    void rejectsAnEmptyConfiguration() {
        assertThatThrownBy(() -> Qskey.decode(new byte[7560])).hasMessage("configuration field: configuration is empty");
    }

    @Test
    void rejectsAnUnknownOrRefusedConfiguration() {
        byte[] f = file87();
        byte[] s6 = "dilithium-s5_kyber-s6_sha3_rcs".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(s6, 0, f, 0, s6.length);
        assertThatThrownBy(() -> Qskey.decode(f)).hasMessageContaining("configuration field: configuration "
                + "'dilithium-s5_kyber-s6_sha3_rcs' is refused");
        f[0] = 'D';
        assertThatThrownBy(() -> Qskey.decode(f)).hasMessageContaining("unknown QSMP configuration 'Dilithium-s5");
    }

    @Test
    void rejectsAConfigurationWithoutNulTerminator() {
        byte[] f = file87();
        Arrays.fill(f, 30, 48, (byte) 'x');
        assertThatThrownBy(() -> Qskey.decode(f)).hasMessageContaining("configuration field is not NUL-terminated within 48 bytes");
    }

    @Test
    void rejectsBytesAfterTheConfigurationTerminator() {
        byte[] f = file87();
        f[40] = 1;
        assertThatThrownBy(() -> Qskey.decode(f)).hasMessageContaining("non-NUL byte at offset 40 after the text "
                + "'dilithium-s5_kyber-s5_sha3_rcs'");
    }

    @Test
    void rejectsNonPrintableConfigurationBytes() {
        byte[] f = file87();
        f[3] = (byte) 0x9B;
        assertThatThrownBy(() -> Qskey.decode(f)).hasMessageContaining("configuration 'dil\\x9Bthium")
                .hasMessageContaining("not printable ASCII");
    }

    @Test
    void rejectsAnExpirationNoDateCanShow() {
        byte[] f = file87();
        LittleEndian.putLong(f, 48, -1L);
        assertThatThrownBy(() -> Qskey.decode(f)).hasMessage("expiration 18446744073709551615 is beyond 9999-12-31 23-59-59");
    }

    @Test
    void recordWipesItsSigningKeyAndNeverPrintsIt() {
        SigningKeyRecord k = TestKeys.signing(ParameterSet.DILITHIUM_S1_KYBER_S1, "wipe");
        byte[] live = k.signingKey().bytes();
        String hexStart = String.format("%02x%02x%02x", live[0], live[1], live[2]);
        assertThat(k.toString()).contains("<secret>").contains(k.keyId().hex()).doesNotContain(hexStart + live[3]);
        k.close();
        assertThat(k.isClosed()).isTrue();
        assertThat(live).containsOnly(0);
    }
}
