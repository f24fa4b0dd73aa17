package io.pqagent.qsmp.crypto.mldsa;

import io.pqagent.qsmp.crypto.Shake;

/**
 * ExpandA (FIPS 204 Algorithm 32): the k×l matrix Â, sampled directly in the NTT domain from ρ by
 * RejNTTPoly (Algorithm 30) over SHAKE128(ρ ‖ s ‖ r). Everything here is public (ρ is in the public key),
 * so the rejection branch is harmless. Entries are stored row-major, entry (r, s) at (r·l + s)·256.
 */
final class MatrixExpansion {
    /** Five SHAKE128 blocks give 280 candidates, enough for 256 coefficients nearly always. */
    private static final int FIRST_BLOCKS = 5;

    private MatrixExpansion() {
    }

    static int[] expandA(MlDsaParameterSet p, byte[] rho, int rhoOff) {
        int[] a = new int[p.k * p.l * Ntt.N];
        Shake shake = Shake.shake128();
        byte[] seed = new byte[MlDsaParameterSet.SEED_BYTES + 2];
        System.arraycopy(rho, rhoOff, seed, 0, MlDsaParameterSet.SEED_BYTES);
        byte[] buf = new byte[FIRST_BLOCKS * Shake.RATE_128];
        for (int r = 0; r < p.k; r++) {
            for (int s = 0; s < p.l; s++) {
                seed[MlDsaParameterSet.SEED_BYTES] = (byte) s;
                seed[MlDsaParameterSet.SEED_BYTES + 1] = (byte) r;
                shake.reset();
                shake.absorb(seed);
                rejNttPoly(shake, buf, a, (r * p.l + s) * Ntt.N);
            }
        }
        return a;
    }

    /** RejNTTPoly: coefficients from three bytes each (CoeffFromThreeBytes, Algorithm 14), kept if &lt; q. */
    private static void rejNttPoly(Shake shake, byte[] buf, int[] out, int off) {
        shake.squeeze(buf, 0, buf.length);
        int filled = 0;
        int available = buf.length;
        int pos = 0;
        while (filled < Ntt.N) {
            if (pos + 3 > available) {
                // the rate 168 is a multiple of 3, so no candidate straddles two squeezes
                shake.squeeze(buf, 0, Shake.RATE_128);
                available = Shake.RATE_128;
                pos = 0;
            }
            int z = (buf[pos] & 0xFF) | (buf[pos + 1] & 0xFF) << 8 | (buf[pos + 2] & 0x7F) << 16;
            pos += 3;
            if (z < Field.Q) {
                out[off + filled++] = z;
            }
        }
    }
}
