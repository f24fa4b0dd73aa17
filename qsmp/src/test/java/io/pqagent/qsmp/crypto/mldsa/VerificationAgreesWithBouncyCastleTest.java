package io.pqagent.qsmp.crypto.mldsa;

import static org.assertj.core.api.Assertions.assertThat;

import io.pqagent.qsmp.crypto.SigningKeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Our prepared verification key decides exactly as Bouncy Castle does: both accept good signatures and
 * both reject the same damaged ones (flipped bits in c̃, z and the hint; every malformed hint encoding
 * FIPS 204 Algorithm 21 refuses; z on the norm bound; a wrong key or message). Malformed input is
 * {@code false}, never an exception.
 */
class VerificationAgreesWithBouncyCastleTest {
    private static final Map<MlDsaParameterSet, Fixture> FIXTURES = new ConcurrentHashMap<>();

    /** A key pair, a second key, and BC signatures of a few messages. */
    private record Fixture(MlDsaParameterSet p, byte[] pk, byte[] otherPk, List<byte[]> messages,
            List<byte[]> signatures, PreparedMlDsaVerificationKey verifier) {
        static Fixture of(MlDsaParameterSet p) {
            SigningKeyPair pair = BouncyCastleReference.keyPair(p, "verify " + p);
            SigningKeyPair other = BouncyCastleReference.keyPair(p, "verify other " + p);
            Random random = new Random(p.ordinal() + 31);
            List<byte[]> messages = new ArrayList<>();
            List<byte[]> signatures = new ArrayList<>();
            for (int size : new int[] {0, 1, 64, 1000, 33, 64}) {
                byte[] m = new byte[size];
                random.nextBytes(m);
                messages.add(m);
                signatures.add(BouncyCastleReference.sign(p, pair.signingKey().bytes(), m));
            }
            return new Fixture(p, pair.verificationKey(), other.verificationKey(), messages, signatures,
                    PreparedMlDsaVerificationKey.prepare(p, pair.verificationKey()));
        }

        int hintOffset() {
            return p.signatureBytes() - p.omega - p.k;
        }

        /** Ours and BC's decision on (message i, sig); they must agree. */
        boolean decide(int i, byte[] sig, String what) {
            boolean ours = verifier.verify(messages.get(i), sig);
            boolean theirs = BouncyCastleReference.verify(p, pk, messages.get(i), sig);
            assertThat(ours).as("%s %s: our decision vs Bouncy Castle's", p, what).isEqualTo(theirs);
            return ours;
        }

        void rejects(int i, UnaryOperator<byte[]> damage, String what) {
            byte[] sig = damage.apply(signatures.get(i).clone());
            assertThat(decide(i, sig, what)).as("%s %s is rejected", p, what).isFalse();
        }
    }

    private static Fixture fixture(MlDsaParameterSet p) {
        return FIXTURES.computeIfAbsent(p, Fixture::of);
    }

    @ParameterizedTest
    @EnumSource(MlDsaParameterSet.class)
    void bothAcceptGoodSignatures(MlDsaParameterSet p) {
        Fixture f = fixture(p);
        for (int i = 0; i < f.messages().size(); i++) {
            assertThat(f.decide(i, f.signatures().get(i), "untouched")).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(MlDsaParameterSet.class)
    void bothRejectFlippedBitsAnywhere(MlDsaParameterSet p) {
        Fixture f = fixture(p);
        Random random = new Random(p.ordinal() + 41);
        int zStart = p.challengeBytes();
        int hintStart = f.hintOffset();
        int[][] regions = {{0, zStart}, {zStart, hintStart}, {hintStart, p.signatureBytes()}};
        String[] names = {"c̃", "z", "hint"};
        for (int r = 0; r < regions.length; r++) {
            for (int trial = 0; trial < 25; trial++) {
                int i = random.nextInt(f.messages().size());
                int pos = regions[r][0] + random.nextInt(regions[r][1] - regions[r][0]);
                int bit = random.nextInt(8);
                f.rejects(i, sig -> flip(sig, pos, bit), "bit " + bit + " of byte " + pos + " (" + names[r] + ")");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(MlDsaParameterSet.class)
    void bothRejectEveryMalformedHintEncoding(MlDsaParameterSet p) {
        Fixture f = fixture(p);
        int h = f.hintOffset();
        int omega = p.omega;
        int k = p.k;
        for (int i = 0; i < f.messages().size(); i++) {
            byte[] sig = f.signatures().get(i);
            int total = sig[h + omega + k - 1] & 0xFF;
            int[] counts = new int[k];
            for (int row = 0; row < k; row++) {
                counts[row] = sig[h + omega + row] & 0xFF;
            }
            int rowWithTwo = -1;
            for (int row = 0, start = 0; row < k; start = counts[row], row++) {
                if (counts[row] - start >= 2) {
                    rowWithTwo = row;
                    int first = start;
                    f.rejects(i, s -> swap(s, h + first, h + first + 1), "hint indices swapped (decreasing)");
                    f.rejects(i, s -> set(s, h + first + 1, s[h + first]), "hint index repeated");
                    break;
                }
            }
            assertThat(rowWithTwo).as("some row has two hints").isNotNegative();
            f.rejects(i, s -> set(s, h + omega + k - 1, omega + 1), "last count ω + 1");
            f.rejects(i, s -> set(s, h + omega + k - 1, 255), "last count 255");
            f.rejects(i, s -> set(s, h + omega, 255), "first count 255");
            if (counts[0] > 0) {
                f.rejects(i, s -> set(s, h + omega + 1, counts[0] - 1), "a count below the one before");
            }
            if (total < omega) {
                f.rejects(i, s -> set(s, h + total, 1), "non-zero byte after the last index");
                f.rejects(i, s -> set(s, h + omega - 1, 0x80), "non-zero last padding byte");
                // one hint more, validly encoded at the end of the last row: decodes, then c̃ differs
                int lastIndex = total > 0 ? sig[h + total - 1] & 0xFF : -1;
                if (lastIndex < 255 && counts[k - 1] > (k > 1 ? counts[k - 2] : 0)) {
                    f.rejects(i, s -> set(set(s, h + total, 255), h + omega + k - 1, total + 1),
                            "an extra, well-formed hint");
                }
            }
            if (total > 0) {
                // one hint fewer, well-formed: the last index dropped from the last non-empty row
                f.rejects(i, s -> dropLastHint(s, h, omega, k), "a dropped, well-formed hint");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(MlDsaParameterSet.class)
    void bothRejectZOnOrBeyondTheNormBound(MlDsaParameterSet p) {
        Fixture f = fixture(p);
        int bound = p.gamma1 - p.beta;
        for (int z : new int[] {bound, -bound, p.gamma1, -p.gamma1 + 1, bound - 1, -(bound - 1)}) {
            for (int coefficient : new int[] {0, 255, 256 * p.l - 1}) {
                f.rejects(0, s -> setZ(p, s, coefficient, z), "z[" + coefficient + "] = " + z);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(MlDsaParameterSet.class)
    void bothRejectWrongKeysAndMessages(MlDsaParameterSet p) {
        Fixture f = fixture(p);
        PreparedMlDsaVerificationKey other = PreparedMlDsaVerificationKey.prepare(p, f.otherPk());
        for (int i = 0; i < f.messages().size(); i++) {
            byte[] m = f.messages().get(i);
            byte[] sig = f.signatures().get(i);
            assertThat(other.verify(m, sig)).isFalse();
            assertThat(BouncyCastleReference.verify(p, f.otherPk(), m, sig)).isFalse();
            byte[] longer = java.util.Arrays.copyOf(m, m.length + 1);
            assertThat(f.verifier().verify(longer, sig)).isFalse();
            if (m.length > 0) {
                byte[] changed = m.clone();
                changed[m.length / 2] ^= 0x10;
                assertThat(f.verifier().verify(changed, sig)).isFalse();
                assertThat(BouncyCastleReference.verify(p, f.pk(), changed, sig)).isFalse();
            }
            int next = (i + 1) % f.messages().size();
            assertThat(f.verifier().verify(f.messages().get(next), sig)).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(MlDsaParameterSet.class)
    void wrongLengthsAreFalseOrAClearError(MlDsaParameterSet p) {
        Fixture f = fixture(p);
        byte[] sig = f.signatures().get(0);
        byte[] m = f.messages().get(0);
        assertThat(f.verifier().verify(m, new byte[0])).isFalse();
        assertThat(f.verifier().verify(m, java.util.Arrays.copyOf(sig, sig.length - 1))).isFalse();
        assertThat(f.verifier().verify(m, java.util.Arrays.copyOf(sig, sig.length + 1))).isFalse();
        assertThat(f.verifier().verify(m, new byte[sig.length])).isFalse();
        byte[] ones = new byte[sig.length];
        java.util.Arrays.fill(ones, (byte) 0xFF);
        assertThat(f.verifier().verify(m, ones)).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> PreparedMlDsaVerificationKey.prepare(p, java.util.Arrays.copyOf(f.pk(), f.pk().length - 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("verification key must be " + p.verificationKeyBytes() + " bytes");
    }

    // ---- damage ----

    static byte[] flip(byte[] s, int pos, int bit) {
        s[pos] ^= (byte) (1 << bit);
        return s;
    }

    static byte[] set(byte[] s, int pos, int value) {
        s[pos] = (byte) value;
        return s;
    }

    static byte[] swap(byte[] s, int a, int b) {
        byte t = s[a];
        s[a] = s[b];
        s[b] = t;
        return s;
    }

    private static byte[] dropLastHint(byte[] s, int h, int omega, int k) {
        int total = s[h + omega + k - 1] & 0xFF;
        s[h + total - 1] = 0;
        for (int row = k - 1; row >= 0 && (s[h + omega + row] & 0xFF) == total; row--) {
            s[h + omega + row] = (byte) (total - 1);
        }
        return s;
    }

    /** Re-packs coefficient {@code index} of z as the value z. */
    private static byte[] setZ(MlDsaParameterSet p, byte[] s, int index, int z) {
        int[] poly = new int[256];
        int row = index / 256;
        int off = p.challengeBytes() + row * MlDsaParameterSet.polyBytes(p.zBits);
        BitPacking.unpack(s, off, p.zBits, poly, 0);
        poly[index % 256] = p.gamma1 - z;
        BitPacking.pack(poly, 0, p.zBits, s, off);
        return s;
    }
}
