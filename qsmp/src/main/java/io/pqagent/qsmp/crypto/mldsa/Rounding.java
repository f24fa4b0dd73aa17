package io.pqagent.qsmp.crypto.mldsa;

/**
 * Decompose, HighBits, LowBits, MakeHint and UseHint of FIPS 204 §7.4 (Algorithms 36 to 40) for one γ2.
 * Inputs are representatives r⁺ ∈ [0, q). Branch-free: while signing, r is secret.
 *
 * <p>Decompose writes r⁺ = r1·2γ2 + r0 with r0 = r⁺ mod± 2γ2 ∈ (-γ2, γ2], that is r1 = ⌊(r⁺ + γ2 - 1) / 2γ2⌋;
 * when r1 would be m = (q-1)/2γ2 (r⁺ - r0 = q - 1), r1 becomes 0 and r0 drops by one. The division by 2γ2
 * is a multiplication by ⌈2^48 / 2γ2⌉ and a shift, exact for every dividend below 2^24 because the error
 * stays under 2^24 / 2^48 &lt; 1 / 2γ2 (RoundingTest checks all of [0, q) against plain division).
 */
final class Rounding {
    private static final int SHIFT = 48;

    final int gamma2;
    private final int twoGamma2;
    /** m = (q-1)/2γ2: the number of HighBits values (44 or 16). */
    final int m;
    private final long reciprocal;

    Rounding(int gamma2) {
        this.gamma2 = gamma2;
        this.twoGamma2 = 2 * gamma2;
        this.m = (Field.Q - 1) / twoGamma2;
        this.reciprocal = ((1L << SHIFT) + twoGamma2 - 1) / twoGamma2;
    }

    /** r1 before the wrap-around: ⌊(r⁺ + γ2 - 1) / 2γ2⌋ ∈ [0, m]. */
    private int unwrappedHigh(int rPlus) {
        return (int) ((rPlus + gamma2 - 1) * reciprocal >>> SHIFT);
    }

    /** -1 if r1 = m (the case r⁺ - r0 = q - 1), else 0. */
    private int wraps(int r1) {
        return (m - r1 - 1) >> 31;
    }

    /** HighBits(r) (FIPS 204 Algorithm 37). */
    int highBits(int rPlus) {
        int r1 = unwrappedHigh(rPlus);
        return r1 & ~wraps(r1);
    }

    /** LowBits(r) (FIPS 204 Algorithm 38), in (-γ2, γ2]. */
    int lowBits(int rPlus) {
        int r1 = unwrappedHigh(rPlus);
        return rPlus - r1 * twoGamma2 + wraps(r1);
    }

    /** MakeHint(z, r) (FIPS 204 Algorithm 39) given r⁺ and (r + z)⁺: 1 if adding z changes HighBits. */
    int makeHint(int rPlus, int rPlusZPlus) {
        int diff = highBits(rPlus) ^ highBits(rPlusZPlus);
        return (diff | -diff) >>> 31;
    }

    /** UseHint(h, r) (FIPS 204 Algorithm 40). Verification only: h and r are public there. */
    int useHint(int h, int rPlus) {
        int r1 = highBits(rPlus);
        if (h == 0) {
            return r1;
        }
        if (lowBits(rPlus) > 0) {
            return r1 + 1 == m ? 0 : r1 + 1;
        }
        return r1 == 0 ? m - 1 : r1 - 1;
    }
}
