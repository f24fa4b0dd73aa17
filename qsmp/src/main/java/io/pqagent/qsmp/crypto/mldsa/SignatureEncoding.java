package io.pqagent.qsmp.crypto.mldsa;

import java.util.Arrays;

/**
 * sigEncode / sigDecode (FIPS 204 Algorithms 26 and 27) with HintBitPack / HintBitUnpack (Algorithms 20
 * and 21): σ = c̃ ‖ BitPack(z[i], γ1 - 1, γ1) for i &lt; l ‖ the hint as ω indices then k running counts.
 */
final class SignatureEncoding {
    private SignatureEncoding() {
    }

    /**
     * σ from c̃ (λ/4 bytes), z (l polynomials, centered, |z| &lt; γ1) and h (k polynomials of 0/1 with at most
     * ω ones). Called only for the accepted attempt: z and h are public from here on.
     */
    static byte[] encode(MlDsaParameterSet p, byte[] cTilde, int[] z, int[] h) {
        byte[] sig = new byte[p.signatureBytes()];
        int off = p.challengeBytes();
        System.arraycopy(cTilde, 0, sig, 0, off);
        int[] packed = new int[Ntt.N];
        int polyBytes = MlDsaParameterSet.polyBytes(p.zBits);
        for (int i = 0; i < p.l; i++) {
            for (int j = 0; j < Ntt.N; j++) {
                packed[j] = p.gamma1 - z[i * Ntt.N + j];
            }
            BitPacking.pack(packed, 0, p.zBits, sig, off);
            off += polyBytes;
        }
        int index = 0;
        for (int i = 0; i < p.k; i++) {
            for (int j = 0; j < Ntt.N; j++) {
                if (h[i * Ntt.N + j] != 0) {
                    sig[off + index++] = (byte) j;
                }
            }
            sig[off + p.omega + i] = (byte) index;
        }
        return sig;
    }

    /** z[i] = γ1 - SimpleBitUnpack(...): every packed value decodes, into [-γ1 + 1, γ1]. */
    static void decodeZ(MlDsaParameterSet p, byte[] sig, int[] z) {
        int off = p.challengeBytes();
        int polyBytes = MlDsaParameterSet.polyBytes(p.zBits);
        for (int i = 0; i < p.l; i++) {
            BitPacking.unpack(sig, off, p.zBits, z, i * Ntt.N);
            for (int j = i * Ntt.N; j < (i + 1) * Ntt.N; j++) {
                z[j] = p.gamma1 - z[j];
            }
            off += polyBytes;
        }
    }

    /**
     * HintBitUnpack (FIPS 204 Algorithm 21) into h (k polynomials of 0/1); false for the malformed
     * encodings it rejects: a running count that decreases or exceeds ω, indices not strictly increasing
     * within a polynomial, or a non-zero byte after the last index.
     */
    static boolean decodeHint(MlDsaParameterSet p, byte[] sig, int[] h) {
        int off = p.signatureBytes() - p.omega - p.k;
        Arrays.fill(h, 0, p.k * Ntt.N, 0);
        int index = 0;
        for (int i = 0; i < p.k; i++) {
            int end = sig[off + p.omega + i] & 0xFF;
            if (end < index || end > p.omega) {
                return false;
            }
            int first = index;
            while (index < end) {
                int position = sig[off + index] & 0xFF;
                if (index > first && (sig[off + index - 1] & 0xFF) >= position) {
                    return false;
                }
                h[i * Ntt.N + position] = 1;
                index++;
            }
        }
        for (int i = index; i < p.omega; i++) {
            if (sig[off + i] != 0) {
                return false;
            }
        }
        return true;
    }
}
