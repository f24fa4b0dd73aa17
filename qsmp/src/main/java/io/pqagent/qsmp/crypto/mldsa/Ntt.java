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
    /** R^2/256 mod q, centered: turns the R^-1 of a pointwise product and the 1/256 of the inverse into 1. */
    private static final long INVERSE_SCALE =
            Field.toMontgomery(Field.toMontgomery(Field.power(N, Field.Q - 2)));

    private Ntt() {
    }

    /** NTT(a) in place (FIPS 204 Algorithm 41); |a| &lt; q in, |â| &lt; 9q out. */
    static void forward(int[] a, int off) {
        int m = 0;
        for (int len = 128; len >= 1; len >>= 1) {
            for (int start = off; start < off + N; start += 2 * len) {
                long zeta = ZETAS[++m];
                for (int j = start; j < start + len; j++) {
                    int t = Field.montgomeryReduce(zeta * a[j + len]);
                    a[j + len] = a[j] - t;
                    a[j] = a[j] + t;
                }
            }
        }
    }

    /** NTT^-1(â)·R in place (FIPS 204 Algorithm 42 with the extra factor R); |â| &lt; q in, (-q, q) out. */
    static void inverse(int[] a, int off) {
        int m = N;
        for (int len = 1; len < N; len <<= 1) {
            for (int start = off; start < off + N; start += 2 * len) {
                long zeta = -ZETAS[--m];
                for (int j = start; j < start + len; j++) {
                    int t = a[j];
                    a[j] = t + a[j + len];
                    a[j + len] = Field.montgomeryReduce(zeta * (t - a[j + len]));
                }
            }
        }
        for (int j = off; j < off + N; j++) {
            a[j] = Field.montgomeryReduce(INVERSE_SCALE * a[j]);
        }
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
     * the 64-bit sum below 63q² &lt; 2^31·q.
     */
    static void rowTimesVector(int[] matrix, int row, int columns, int[] v, int[] out, int outOff) {
        int rowOff = row * columns * N;
        for (int j = 0; j < N; j++) {
            long acc = 0;
            for (int s = 0; s < columns; s++) {
                acc += (long) matrix[rowOff + s * N + j] * v[s * N + j];
            }
            out[outOff + j] = Field.montgomeryReduce(acc);
        }
    }

    /** Reduces every coefficient of one polynomial into (-q, q) after a forward transform. */
    static void reduce(int[] a, int off) {
        for (int j = off; j < off + N; j++) {
            a[j] = Field.reduce(a[j]);
        }
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
