package io.pqagent.qsmp.crypto.mldsa;

/**
 * The polynomial parts of pkDecode and skDecode (FIPS 204 Algorithms 23 and 25). Lengths are checked by
 * the callers before anything is read.
 */
final class KeyEncoding {
    private KeyEncoding() {
    }

    /** t1 of pk = ρ ‖ t1: k polynomials of 10-bit coefficients, all valid. */
    static int[] decodeT1(MlDsaParameterSet p, byte[] pk) {
        int[] t1 = new int[p.k * Ntt.N];
        int off = MlDsaParameterSet.SEED_BYTES;
        for (int i = 0; i < p.k; i++) {
            BitPacking.unpack(pk, off, MlDsaParameterSet.T1_BITS, t1, i * Ntt.N);
            off += MlDsaParameterSet.polyBytes(MlDsaParameterSet.T1_BITS);
        }
        return t1;
    }

    /**
     * {@code count} polynomials BitPack(s, η, η) from {@code sk[off]} into s = η - packed. Returns a mask
     * that is non-zero if any packed value exceeds 2η (a coefficient below -η; the encoding cannot say
     * more than η). Branch-free: the coefficients are secret.
     */
    static int decodeEta(MlDsaParameterSet p, byte[] sk, int off, int count, int[] s) {
        int outOfRange = 0;
        for (int i = 0; i < count; i++) {
            BitPacking.unpack(sk, off + i * MlDsaParameterSet.polyBytes(p.etaBits), p.etaBits, s, i * Ntt.N);
            for (int j = i * Ntt.N; j < (i + 1) * Ntt.N; j++) {
                outOfRange |= 2 * p.eta - s[j];
                s[j] = p.eta - s[j];
            }
        }
        return outOfRange >> 31;
    }

    /** t0 = BitUnpack(·, 2^12 - 1, 2^12): every 13-bit value decodes, into (-2^12, 2^12]. */
    static void decodeT0(MlDsaParameterSet p, byte[] sk, int off, int[] t0) {
        int half = 1 << (MlDsaParameterSet.D - 1);
        for (int i = 0; i < p.k; i++) {
            BitPacking.unpack(sk, off + i * MlDsaParameterSet.polyBytes(MlDsaParameterSet.T0_BITS),
                    MlDsaParameterSet.T0_BITS, t0, i * Ntt.N);
            for (int j = i * Ntt.N; j < (i + 1) * Ntt.N; j++) {
                t0[j] = half - t0[j];
            }
        }
    }
}
