package io.pqagent.qsmp.crypto.mldsa;

/**
 * Arithmetic in Z_q, q = 2^23 - 2^13 + 1 (FIPS 204 §2.3), on plain ints. Every function here is
 * branch-free: the coefficients it sees are secret while signing.
 *
 * <p>Products are reduced the Montgomery way with R = 2^32: {@link #montgomeryReduce} maps a ∈ (-2^31·q,
 * 2^31·q) to a·R^-1 mod q in (-q, q). The constants are computed here from q rather than written out, so
 * nothing hangs on a copied magic number.
 */
final class Field {
    static final int Q = 8_380_417;
    /** q^-1 mod 2^32, by Newton's iteration x ← x(2 - qx) (each step doubles the correct low bits). */
    static final int Q_INV = inverseModTwoTo32(Q);
    /** R mod q, R = 2^32: the Montgomery form of 1. */
    static final int MONT = (int) ((1L << 32) % Q);

    private Field() {
    }

    /** a·2^-32 mod q in (-q, q), for |a| < 2^31·q. */
    static int montgomeryReduce(long a) {
        int t = (int) a * Q_INV; // a - t·q ≡ 0 mod 2^32
        return (int) ((a - (long) t * Q) >> 32);
    }

    /**
     * A representative of a mod q in (-6283009, 6283009) ⊂ (-q, q), for |a| &lt; 2^31 - 2^22: subtracts
     * round(a / 2^23)·q, and q differs from 2^23 by only 2^13 - 1.
     */
    static int reduce(int a) {
        int t = (a + (1 << 22)) >> 23;
        return a - t * Q;
    }

    /** a + q if a is negative: maps (-q, q) to [0, q). */
    static int addQIfNegative(int a) {
        return a + ((a >> 31) & Q);
    }

    /** The representative in [0, q), for |a| &lt; 2^31 - 2^22. */
    static int freeze(int a) {
        return addQIfNegative(reduce(a));
    }

    /** a mod± q, in [-(q-1)/2, (q-1)/2], for |a| &lt; 2^31 - 2^22 (FIPS 204 §2.3). */
    static int centered(int a) {
        int f = freeze(a);
        return f - (((Q - 1) / 2 - f) >> 31 & Q);
    }

    /** |a| without a branch, for a &gt; Integer.MIN_VALUE. */
    static int abs(int a) {
        int sign = a >> 31;
        return (a ^ sign) - sign;
    }

    /** a^e mod q for the table set-up (not secret, not hot). */
    static long power(long a, long e) {
        long result = 1;
        long base = Math.floorMod(a, (long) Q);
        for (long x = e; x > 0; x >>= 1) {
            if ((x & 1) != 0) {
                result = result * base % Q;
            }
            base = base * base % Q;
        }
        return result;
    }

    /** a in Montgomery form, a·R mod q, centered. */
    static int toMontgomery(long a) {
        return centered((int) ((long) Math.floorMod(a, Q) * MONT % Q));
    }

    private static int inverseModTwoTo32(int odd) {
        int x = odd; // correct to 3 bits: odd·odd ≡ 1 mod 8
        for (int i = 0; i < 4; i++) {
            x *= 2 - odd * x;
        }
        if (x * odd != 1) {
            throw new AssertionError("Newton iteration for q^-1 mod 2^32 did not converge");
        }
        return x;
    }
}
