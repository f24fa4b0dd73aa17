package io.pqagent.qsmp.crypto.mldsa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pqagent.qsmp.crypto.SigningKeyPair;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Parsing the expanded signing key: lengths, the range of s1 and s2, wiping, and what toString shows. */
class PreparedMlDsaSigningKeyTest {

    @ParameterizedTest
    @EnumSource(MlDsaParameterSet.class)
    void refusesKeysOfTheWrongLength(MlDsaParameterSet p) {
        byte[] sk = BouncyCastleReference.keyPair(p, "length " + p).signingKey().bytes();
        for (int length : new int[] {0, sk.length - 1, sk.length + 1}) {
            assertThatThrownBy(() -> PreparedMlDsaSigningKey.prepare(p, Arrays.copyOf(sk, length)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(p + " signing key must be " + p.signingKeyBytes() + " bytes, got " + length);
        }
    }

    @ParameterizedTest
    @EnumSource(MlDsaParameterSet.class)
    void refusesCoefficientsOfS1OrS2OutsideEta(MlDsaParameterSet p) {
        byte[] sk = BouncyCastleReference.keyPair(p, "range " + p).signingKey().bytes();
        int firstS1 = 128;
        int polys = p.l + p.k;
        int maxPacked = (1 << p.etaBits) - 1;
        for (int poly : new int[] {0, p.l - 1, p.l, polys - 1}) { // first and last of s1, first and last of s2
            for (int coefficient : new int[] {0, 77, 255}) {
                for (int packed = 2 * p.eta + 1; packed <= maxPacked; packed++) {
                    byte[] bad = withPackedEta(p, sk, firstS1, poly, coefficient, packed);
                    String where = "poly " + poly + " coefficient " + coefficient + " packed " + packed;
                    assertThatThrownBy(() -> PreparedMlDsaSigningKey.prepare(p, bad)).as(where)
                            .isInstanceOf(IllegalArgumentException.class)
                            .hasMessage(p + " signing key has a coefficient of s1 or s2 outside [-" + p.eta + ", "
                                    + p.eta + "]");
                }
                // the extremes -η and η are in range: such a key parses and signs
                for (int packed : new int[] {0, 2 * p.eta}) {
                    byte[] edge = withPackedEta(p, sk, firstS1, poly, coefficient, packed);
                    try (PreparedMlDsaSigningKey key = PreparedMlDsaSigningKey.prepare(p, edge)) {
                        assertThat(key.sign(new byte[] {1})).hasSize(p.signatureBytes());
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(MlDsaParameterSet.class)
    void closeWipesTheSecretPartsAndRefusesToSign(MlDsaParameterSet p) {
        SigningKeyPair pair = BouncyCastleReference.keyPair(p, "close " + p);
        PreparedMlDsaSigningKey key = PreparedMlDsaSigningKey.prepare(p, pair.signingKey().bytes());
        assertThat(key.s1Hat()).isNotEqualTo(new int[key.s1Hat().length]);
        key.close();
        assertThat(key.s1Hat()).containsOnly(0);
        assertThat(key.s2Hat()).containsOnly(0);
        assertThat(key.t0Hat()).containsOnly(0);
        assertThatThrownBy(() -> key.sign(new byte[0])).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    @ParameterizedTest
    @EnumSource(MlDsaParameterSet.class)
    void toStringShowsNothingSecret(MlDsaParameterSet p) {
        byte[] sk = BouncyCastleReference.keyPair(p, "toString " + p).signingKey().bytes();
        try (PreparedMlDsaSigningKey key = PreparedMlDsaSigningKey.prepare(p, sk)) {
            String text = key.toString();
            assertThat(text).isEqualTo("PreparedMlDsaSigningKey[" + p + ", <secret>]");
            assertThat(text.toLowerCase()).doesNotContain(HexFormat.of().formatHex(sk, 32, 36));
        }
    }

    /** sk with coefficient {@code coefficient} of η-polynomial {@code poly} (s1 then s2) packed as {@code packed}. */
    private static byte[] withPackedEta(MlDsaParameterSet p, byte[] sk, int firstS1, int poly, int coefficient,
            int packed) {
        byte[] out = sk.clone();
        int off = firstS1 + poly * MlDsaParameterSet.polyBytes(p.etaBits);
        int[] values = new int[256];
        BitPacking.unpack(out, off, p.etaBits, values, 0);
        values[coefficient] = packed;
        BitPacking.pack(values, 0, p.etaBits, out, off);
        return out;
    }
}
