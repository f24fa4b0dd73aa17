package io.pqagent.qsmp.crypto.mldsa;

/**
 * The number-theoretic transform of FIPS 204 §7.5 (Algorithms 41 and 42) on one polynomial of 256
 * coefficients stored at {@code off} in an int array. ζ = 1753 is a primitive 512th root of unity mod q;
 * the twiddles ζ^brv8(m) are kept in Montgomery form so that one {@link Field#montgomeryReduce} per
 * butterfly yields the plain product.
 *
 * <p>Bounds (why no reduction is needed between layers): the forward transform of |a| &lt; q ends below
 * 9q; the inverse transform expects |a| &lt; q, lets the sums grow to at most 256q &lt; 2^31 and ends in
 * (-q, q). Products of two transformed polynomials are Montgomery-reduced, which leaves a factor R^-1;
 * the inverse transform's final scaling by R^2/256 cancels it, so {@code inverse(a ∘ b)} is the plain
 * negacyclic product.
 */
final class Ntt {
    static final int N = 256;
    private static final int ZETA = 1753;
    /** ζ^brv8(m)·R mod q, centered, m = 0..255. */
    private static final int[] ZETAS = twiddles();
    private static final int[] NEG_ZETAS = negated(ZETAS);
    /** R^2/256 mod q, centered: turns the R^-1 of a pointwise product and the 1/256 of the inverse into 1. */
    private static final long INVERSE_SCALE =
            Field.toMontgomery(Field.toMontgomery(Field.power(N, Field.Q - 2)));
    /** -ζ^brv8(1)·R^2/256, centered: the last layer's twiddle with the scaling folded in. */
    private static final long LAST_TWIDDLE_SCALED =
            Field.centered(Field.montgomeryReduce(INVERSE_SCALE * -ZETAS[1]));

    private Ntt() {
    }

    /**
     * NTT(a) in place (FIPS 204 Algorithm 41); |a| &lt; q in, |â| &lt; 9q out. The eight layers run in three
     * passes over the array, each doing two or three layers on values held in locals: layers len = 128,
     * 64, 32 on the eight coefficients j + 32t; len = 16, 8, 4 on j + 4t within each 32-block; len = 2, 1
     * on each 4-block. The butterflies and twiddles are exactly Algorithm 41's, only grouped.
     */
    static void forward(int[] a, int off) {
        long z1 = ZETAS[1], z2 = ZETAS[2], z3 = ZETAS[3];
        long z4 = ZETAS[4], z5 = ZETAS[5], z6 = ZETAS[6], z7 = ZETAS[7];
        for (int j = off; j < off + 32; j++) {
            int x0 = a[j], x1 = a[j + 32], x2 = a[j + 64], x3 = a[j + 96];
            int x4 = a[j + 128], x5 = a[j + 160], x6 = a[j + 192], x7 = a[j + 224];
            int t;
            t = mul(z1, x4); x4 = x0 - t; x0 += t;
            t = mul(z1, x5); x5 = x1 - t; x1 += t;
            t = mul(z1, x6); x6 = x2 - t; x2 += t;
            t = mul(z1, x7); x7 = x3 - t; x3 += t;
            t = mul(z2, x2); x2 = x0 - t; x0 += t;
            t = mul(z2, x3); x3 = x1 - t; x1 += t;
            t = mul(z3, x6); x6 = x4 - t; x4 += t;
            t = mul(z3, x7); x7 = x5 - t; x5 += t;
            t = mul(z4, x1); x1 = x0 - t; x0 += t;
            t = mul(z5, x3); x3 = x2 - t; x2 += t;
            t = mul(z6, x5); x5 = x4 - t; x4 += t;
            t = mul(z7, x7); x7 = x6 - t; x6 += t;
            a[j] = x0; a[j + 32] = x1; a[j + 64] = x2; a[j + 96] = x3;
            a[j + 128] = x4; a[j + 160] = x5; a[j + 192] = x6; a[j + 224] = x7;
        }
        for (int c = 0; c < 8; c++) {
            long y16 = ZETAS[8 + c];
            long y8a = ZETAS[16 + 2 * c], y8b = ZETAS[17 + 2 * c];
            long y4a = ZETAS[32 + 4 * c], y4b = ZETAS[33 + 4 * c], y4c = ZETAS[34 + 4 * c], y4d = ZETAS[35 + 4 * c];
            for (int j = off + 32 * c; j < off + 32 * c + 4; j++) {
                int x0 = a[j], x1 = a[j + 4], x2 = a[j + 8], x3 = a[j + 12];
                int x4 = a[j + 16], x5 = a[j + 20], x6 = a[j + 24], x7 = a[j + 28];
                int t;
                t = mul(y16, x4); x4 = x0 - t; x0 += t;
                t = mul(y16, x5); x5 = x1 - t; x1 += t;
                t = mul(y16, x6); x6 = x2 - t; x2 += t;
                t = mul(y16, x7); x7 = x3 - t; x3 += t;
                t = mul(y8a, x2); x2 = x0 - t; x0 += t;
                t = mul(y8a, x3); x3 = x1 - t; x1 += t;
                t = mul(y8b, x6); x6 = x4 - t; x4 += t;
                t = mul(y8b, x7); x7 = x5 - t; x5 += t;
                t = mul(y4a, x1); x1 = x0 - t; x0 += t;
                t = mul(y4b, x3); x3 = x2 - t; x2 += t;
                t = mul(y4c, x5); x5 = x4 - t; x4 += t;
                t = mul(y4d, x7); x7 = x6 - t; x6 += t;
                a[j] = x0; a[j + 4] = x1; a[j + 8] = x2; a[j + 12] = x3;
                a[j + 16] = x4; a[j + 20] = x5; a[j + 24] = x6; a[j + 28] = x7;
            }
        }
        for (int d = 0; d < 64; d++) {
            int j = off + 4 * d;
            int x0 = a[j], x1 = a[j + 1], x2 = a[j + 2], x3 = a[j + 3];
            long y2 = ZETAS[64 + d];
            int t;
            t = mul(y2, x2); x2 = x0 - t; x0 += t;
            t = mul(y2, x3); x3 = x1 - t; x1 += t;
            t = mul(ZETAS[128 + 2 * d], x1); x1 = x0 - t; x0 += t;
            t = mul(ZETAS[129 + 2 * d], x3); x3 = x2 - t; x2 += t;
            a[j] = x0; a[j + 1] = x1; a[j + 2] = x2; a[j + 3] = x3;
        }
    }

    /**
     * NTT^-1(â)·R in place (FIPS 204 Algorithm 42 with the extra factor R); |â| &lt; q in, (-q, q) out.
     * The passes of {@link #forward} in reverse; the final scaling by 1/256 (here R^2/256) is folded into
     * the last layer's butterflies.
     */
    static void inverse(int[] a, int off) {
        for (int d = 0; d < 64; d++) {
            int j = off + 4 * d;
            int x0 = a[j], x1 = a[j + 1], x2 = a[j + 2], x3 = a[j + 3];
            int t;
            t = x0; x0 = t + x1; x1 = mul(NEG_ZETAS[255 - 2 * d], t - x1);
            t = x2; x2 = t + x3; x3 = mul(NEG_ZETAS[254 - 2 * d], t - x3);
            long y2 = NEG_ZETAS[127 - d];
            t = x0; x0 = t + x2; x2 = mul(y2, t - x2);
            t = x1; x1 = t + x3; x3 = mul(y2, t - x3);
            a[j] = x0; a[j + 1] = x1; a[j + 2] = x2; a[j + 3] = x3;
        }
        for (int c = 0; c < 8; c++) {
            long y4a = NEG_ZETAS[63 - 4 * c], y4b = NEG_ZETAS[62 - 4 * c];
            long y4c = NEG_ZETAS[61 - 4 * c], y4d = NEG_ZETAS[60 - 4 * c];
            long y8a = NEG_ZETAS[31 - 2 * c], y8b = NEG_ZETAS[30 - 2 * c];
            long y16 = NEG_ZETAS[15 - c];
            for (int j = off + 32 * c; j < off + 32 * c + 4; j++) {
                int x0 = a[j], x1 = a[j + 4], x2 = a[j + 8], x3 = a[j + 12];
                int x4 = a[j + 16], x5 = a[j + 20], x6 = a[j + 24], x7 = a[j + 28];
                int t;
                t = x0; x0 = t + x1; x1 = mul(y4a, t - x1);
                t = x2; x2 = t + x3; x3 = mul(y4b, t - x3);
                t = x4; x4 = t + x5; x5 = mul(y4c, t - x5);
                t = x6; x6 = t + x7; x7 = mul(y4d, t - x7);
                t = x0; x0 = t + x2; x2 = mul(y8a, t - x2);
                t = x1; x1 = t + x3; x3 = mul(y8a, t - x3);
                t = x4; x4 = t + x6; x6 = mul(y8b, t - x6);
                t = x5; x5 = t + x7; x7 = mul(y8b, t - x7);
                t = x0; x0 = t + x4; x4 = mul(y16, t - x4);
                t = x1; x1 = t + x5; x5 = mul(y16, t - x5);
                t = x2; x2 = t + x6; x6 = mul(y16, t - x6);
                t = x3; x3 = t + x7; x7 = mul(y16, t - x7);
                a[j] = x0; a[j + 4] = x1; a[j + 8] = x2; a[j + 12] = x3;
                a[j + 16] = x4; a[j + 20] = x5; a[j + 24] = x6; a[j + 28] = x7;
            }
        }
        long z7 = NEG_ZETAS[7], z6 = NEG_ZETAS[6], z5 = NEG_ZETAS[5], z4 = NEG_ZETAS[4];
        long z3 = NEG_ZETAS[3], z2 = NEG_ZETAS[2];
        long f = INVERSE_SCALE;
        long g = LAST_TWIDDLE_SCALED;
        for (int j = off; j < off + 32; j++) {
            int x0 = a[j], x1 = a[j + 32], x2 = a[j + 64], x3 = a[j + 96];
            int x4 = a[j + 128], x5 = a[j + 160], x6 = a[j + 192], x7 = a[j + 224];
            int t;
            t = x0; x0 = t + x1; x1 = mul(z7, t - x1);
            t = x2; x2 = t + x3; x3 = mul(z6, t - x3);
            t = x4; x4 = t + x5; x5 = mul(z5, t - x5);
            t = x6; x6 = t + x7; x7 = mul(z4, t - x7);
            t = x0; x0 = t + x2; x2 = mul(z3, t - x2);
            t = x1; x1 = t + x3; x3 = mul(z3, t - x3);
            t = x4; x4 = t + x6; x6 = mul(z2, t - x6);
            t = x5; x5 = t + x7; x7 = mul(z2, t - x7);
            a[j] = mul(f, x0 + x4); a[j + 128] = mul(g, x0 - x4);
            a[j + 32] = mul(f, x1 + x5); a[j + 160] = mul(g, x1 - x5);
            a[j + 64] = mul(f, x2 + x6); a[j + 192] = mul(g, x2 - x6);
            a[j + 96] = mul(f, x3 + x7); a[j + 224] = mul(g, x3 - x7);
        }
    }

    /** z·x·R^-1: the twiddle product, z in Montgomery form and |z·x| &lt; 2^31·q. */
    private static int mul(long z, int x) {
        return Field.montgomeryReduce(z * x);
    }

    /**
     * out = a ∘ b·R^-1 for one polynomial pair; |a| &lt; q and |b| &lt; 9q (a stored transform times a fresh
     * one), out in (-q, q): ready for {@link #inverse}.
     */
    static void pointwise(int[] a, int aOff, int[] b, int bOff, int[] out, int outOff) {
        for (int j = 0; j < N; j++) {
            out[outOff + j] = Field.montgomeryReduce((long) a[aOff + j] * b[bOff + j]);
        }
    }

    /**
     * out = Σ_s A[row, s] ∘ v[s]·R^-1: row {@code row} of the matrix (row-major, {@code columns} entries of
     * 256) times the vector v, with one reduction per coefficient. |A| &lt; q, |v| &lt; 9q and columns ≤ 7 keep
     * the 64-bit sum below 63q² &lt; 2^31·q. The sums for ML-DSA's l = 4, 5, 7 are written out: with a
     * seven-trip inner loop, C2 (JDK 17) ran this about three times slower.
     */
    static void rowTimesVector(int[] m, int row, int columns, int[] v, int[] out, int outOff) {
        int a = row * columns * N;
        switch (columns) {
            case 4 -> {
                for (int j = 0; j < N; j++) {
                    out[outOff + j] = Field.montgomeryReduce((long) m[a + j] * v[j]
                            + (long) m[a + N + j] * v[N + j]
                            + (long) m[a + 2 * N + j] * v[2 * N + j]
                            + (long) m[a + 3 * N + j] * v[3 * N + j]);
                }
            }
            case 5 -> {
                for (int j = 0; j < N; j++) {
                    out[outOff + j] = Field.montgomeryReduce((long) m[a + j] * v[j]
                            + (long) m[a + N + j] * v[N + j]
                            + (long) m[a + 2 * N + j] * v[2 * N + j]
                            + (long) m[a + 3 * N + j] * v[3 * N + j]
                            + (long) m[a + 4 * N + j] * v[4 * N + j]);
                }
            }
            case 7 -> {
                for (int j = 0; j < N; j++) {
                    out[outOff + j] = Field.montgomeryReduce((long) m[a + j] * v[j]
                            + (long) m[a + N + j] * v[N + j]
                            + (long) m[a + 2 * N + j] * v[2 * N + j]
                            + (long) m[a + 3 * N + j] * v[3 * N + j]
                            + (long) m[a + 4 * N + j] * v[4 * N + j]
                            + (long) m[a + 5 * N + j] * v[5 * N + j]
                            + (long) m[a + 6 * N + j] * v[6 * N + j]);
                }
            }
            default -> throw new IllegalArgumentException("ML-DSA has l = 4, 5 or 7 columns, not " + columns);
        }
    }

    /** Reduces every coefficient of one polynomial into (-q, q) after a forward transform. */
    static void reduce(int[] a, int off) {
        for (int j = off; j < off + N; j++) {
            a[j] = Field.reduce(a[j]);
        }
    }

    private static int[] negated(int[] z) {
        int[] n = new int[z.length];
        for (int i = 0; i < z.length; i++) {
            n[i] = -z[i];
        }
        return n;
    }

    private static int[] twiddles() {
        int[] z = new int[N];
        for (int m = 0; m < N; m++) {
            z[m] = Field.toMontgomery(Field.power(ZETA, Integer.reverse(m) >>> 24));
        }
        if (Field.power(ZETA, 256) != Field.Q - 1) {
            throw new AssertionError("1753 is not a primitive 512th root of unity mod q");
        }
        return z;
    }
}
