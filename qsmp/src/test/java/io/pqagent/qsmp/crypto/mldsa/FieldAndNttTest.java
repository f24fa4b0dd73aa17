package io.pqagent.qsmp.crypto.mldsa;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The arithmetic against plain modular arithmetic: Montgomery reduction and the reductions over their
 * whole input ranges' edges, the three-pass NTT against a literal transcription of FIPS 204 Algorithms
 * 41 and 42, and NTT products against schoolbook multiplication in Z_q[X]/(X^256 + 1).
 */
class FieldAndNttTest {
    private static final int Q = Field.Q;
    private static final BigInteger BIG_Q = BigInteger.valueOf(Q);
    private static final BigInteger R = BigInteger.ONE.shiftLeft(32);

    @Test
    void montgomeryReduceIsMultiplicationByInverseOfTwoTo32() {
        Random random = new Random(1);
        long limit = (1L << 31) * Q;
        long[] edges = {0, 1, -1, limit - 1, -(limit - 1), Q, -Q};
        for (long a : edges) {
            checkMontgomery(a);
        }
        for (int i = 0; i < 200_000; i++) {
            checkMontgomery((random.nextLong() % limit));
        }
    }

    private static void checkMontgomery(long a) {
        int r = Field.montgomeryReduce(a);
        assertThat(Math.abs(r)).as("range for %d", a).isLessThan(Q);
        BigInteger expected = BigInteger.valueOf(a).multiply(R.modInverse(BIG_Q)).mod(BIG_Q);
        assertThat(BigInteger.valueOf(r).mod(BIG_Q)).as("value for %d", a).isEqualTo(expected);
    }

    @Test
    void reductionsGiveTheDocumentedRepresentatives() {
        Random random = new Random(2);
        int limit = Integer.MAX_VALUE - (1 << 22);
        int[] edges = {0, 1, -1, Q, -Q, Q - 1, (Q - 1) / 2, (Q + 1) / 2, limit, -limit};
        for (int a : edges) {
            checkReductions(a);
        }
        for (int i = 0; i < 200_000; i++) {
            checkReductions(random.nextInt(limit) * (random.nextBoolean() ? 1 : -1));
        }
    }

    private static void checkReductions(int a) {
        int mod = Math.floorMod(a, Q);
        int reduced = Field.reduce(a);
        assertThat(Math.abs(reduced)).isLessThan(Q);
        assertThat(Math.floorMod(reduced, Q)).isEqualTo(mod);
        assertThat(Field.freeze(a)).isEqualTo(mod);
        int centered = mod > (Q - 1) / 2 ? mod - Q : mod;
        assertThat(Field.centered(a)).as("centered %d", a).isEqualTo(centered);
        assertThat(Field.abs(centered)).isEqualTo(Math.abs(centered));
    }

    @Test
    void forwardTransformMatchesFips204Algorithm41() {
        Random random = new Random(3);
        for (int trial = 0; trial < 50; trial++) {
            int[] a = randomPoly(random, Q);
            long[] expected = literalNtt(a);
            int[] got = a.clone();
            Ntt.forward(got, 0);
            for (int j = 0; j < 256; j++) {
                assertThat(Math.abs(got[j])).isLessThan(9 * Q);
                assertThat(Math.floorMod(got[j], Q)).as("coefficient %d", j).isEqualTo((int) expected[j]);
            }
        }
    }

    @Test
    void inverseTransformMatchesFips204Algorithm42TimesR() {
        Random random = new Random(4);
        for (int trial = 0; trial < 50; trial++) {
            int[] a = randomPoly(random, Q);
            long[] expected = literalInverseNtt(a);
            int[] got = a.clone();
            Ntt.inverse(got, 0);
            long r = R.mod(BIG_Q).longValue();
            for (int j = 0; j < 256; j++) {
                assertThat(Math.abs(got[j])).isLessThan(Q);
                assertThat(Math.floorMod(got[j], Q)).as("coefficient %d", j).isEqualTo((int) (expected[j] * r % Q));
            }
        }
    }

    @Test
    void transformsWorkAtAnOffset() {
        Random random = new Random(5);
        int[] a = randomPoly(random, Q);
        int[] wide = new int[3 * 256];
        System.arraycopy(a, 0, wide, 256, 256);
        Ntt.forward(a, 0);
        Ntt.forward(wide, 256);
        Ntt.inverse(a, 0);
        Ntt.inverse(wide, 256);
        for (int j = 0; j < 256; j++) {
            assertThat(wide[256 + j]).isEqualTo(a[j]);
            assertThat(wide[j]).isZero();
            assertThat(wide[512 + j]).isZero();
        }
    }

    @Test
    void matrixRowsAndPointwiseProductsAreNegacyclicProducts() {
        Random random = new Random(6);
        for (int columns : new int[] {4, 5, 7}) { // l of ML-DSA-44, -65, -87
            for (int trial = 0; trial < 3; trial++) {
                int[] matrix = new int[2 * columns * 256]; // two rows; row 1 is checked
                int[] v = new int[columns * 256];
                long[] expected = new long[256];
                int[][] aRow = new int[columns][];
                for (int s = 0; s < columns; s++) {
                    aRow[s] = randomPoly(random, Q);
                    int[] b = randomPoly(random, 1 << 19); // the size of a mask or z coefficient
                    addSchoolbook(expected, aRow[s], b);
                    int[] aHat = aRow[s].clone();
                    Ntt.forward(aHat, 0);
                    Ntt.reduce(aHat, 0);
                    System.arraycopy(aHat, 0, matrix, (columns + s) * 256, 256);
                    System.arraycopy(b, 0, v, s * 256, 256);
                    Ntt.forward(v, s * 256); // left unreduced (< 9q), as the signer leaves NTT(y)
                }
                int[] row = new int[256];
                Ntt.rowTimesVector(matrix, 1, columns, v, row, 0);
                Ntt.inverse(row, 0);
                int[] single = new int[256];
                Ntt.pointwise(matrix, columns * 256, v, 0, single, 0);
                Ntt.inverse(single, 0);
                long[] first = new long[256];
                addSchoolbook(first, aRow[0], inverseOf(v, 0));
                for (int j = 0; j < 256; j++) {
                    assertThat(Field.freeze(row[j])).as("l = %d, coefficient %d", columns, j)
                            .isEqualTo((int) Math.floorMod(expected[j], (long) Q));
                    assertThat(Field.freeze(single[j])).isEqualTo((int) Math.floorMod(first[j], (long) Q));
                }
            }
        }
    }

    /** The plain polynomial back from a forward transform at {@code off} (for the single-product check). */
    private static int[] inverseOf(int[] transformed, int off) {
        long[] back = literalInverseNtt(java.util.Arrays.copyOfRange(transformed, off, off + 256));
        int[] out = new int[256];
        for (int j = 0; j < 256; j++) {
            out[j] = (int) back[j];
        }
        return out;
    }

    // ---- oracles written straight from FIPS 204 §7.5 and the definition of R_q ----

    private static int[] randomPoly(Random random, int bound) {
        int[] a = new int[256];
        for (int i = 0; i < 256; i++) {
            a[i] = random.nextInt(2 * bound - 1) - (bound - 1);
        }
        return a;
    }

    private static long zeta(int m) {
        int brv = Integer.reverse(m) >>> 24;
        return BigInteger.valueOf(1753).modPow(BigInteger.valueOf(brv), BIG_Q).longValue();
    }

    private static long[] literalNtt(int[] in) {
        long[] w = new long[256];
        for (int j = 0; j < 256; j++) {
            w[j] = Math.floorMod(in[j], Q);
        }
        int m = 0;
        for (int len = 128; len >= 1; len /= 2) {
            for (int start = 0; start < 256; start += 2 * len) {
                m++;
                long z = zeta(m);
                for (int j = start; j < start + len; j++) {
                    long t = z * w[j + len] % Q;
                    w[j + len] = Math.floorMod(w[j] - t, Q);
                    w[j] = (w[j] + t) % Q;
                }
            }
        }
        return w;
    }

    private static long[] literalInverseNtt(int[] in) {
        long[] w = new long[256];
        for (int j = 0; j < 256; j++) {
            w[j] = Math.floorMod(in[j], Q);
        }
        int m = 256;
        for (int len = 1; len < 256; len *= 2) {
            for (int start = 0; start < 256; start += 2 * len) {
                m--;
                long z = Q - zeta(m);
                for (int j = start; j < start + len; j++) {
                    long t = w[j];
                    w[j] = (t + w[j + len]) % Q;
                    w[j + len] = Math.floorMod(t - w[j + len], Q);
                    w[j + len] = z * w[j + len] % Q;
                }
            }
        }
        long f = 8347681; // 256^-1 mod q, as FIPS 204 Algorithm 42 writes it
        assertThat(f * 256 % Q).isEqualTo(1);
        for (int j = 0; j < 256; j++) {
            w[j] = f * w[j] % Q;
        }
        return w;
    }

    private static void addSchoolbook(long[] acc, int[] a, int[] b) {
        for (int i = 0; i < 256; i++) {
            for (int j = 0; j < 256; j++) {
                long p = Math.floorMod((long) a[i] * b[j], (long) Q);
                if (i + j < 256) {
                    acc[i + j] += p;
                } else {
                    acc[i + j - 256] -= p;
                }
            }
        }
    }
}
