package io.pqagent.qsmp.crypto.mldsa;

import io.pqagent.qsmp.crypto.Shake;

/**
 * ExpandMask (FIPS 204 Algorithm 34): the masking vector y of one signing attempt, l polynomials with
 * coefficients in (-γ1, γ1], y[r] = BitUnpack(SHAKE256(ρ'' ‖ IntegerToBytes(κ + r, 2)), γ1 - 1, γ1).
 * y is secret; the unpacking is branch-free.
 */
final class MaskExpansion {
    private MaskExpansion() {
    }

    /**
     * Writes y into {@code y[0 .. l·256)}. {@code shake} and {@code buf} (at least 32·zBits bytes) are the
     * caller's scratch; both are left holding secret bytes, which the caller wipes.
     */
    static void expandMask(MlDsaParameterSet p, byte[] rhoPrimePrime, int kappa, Shake shake, byte[] buf,
            int[] y) {
        int bytes = MlDsaParameterSet.polyBytes(p.zBits);
        for (int r = 0; r < p.l; r++) {
            shake.reset();
            shake.absorb(rhoPrimePrime).absorbTwoBytes(kappa + r);
            shake.squeeze(buf, 0, bytes);
            int off = r * Ntt.N;
            BitPacking.unpack(buf, 0, p.zBits, y, off);
            for (int i = off; i < off + Ntt.N; i++) {
                y[i] = p.gamma1 - y[i];
            }
        }
    }
}
