package io.pqagent.qsmp.crypto.mldsa;

import io.pqagent.qsmp.crypto.Shake;
import java.util.Arrays;

/**
 * SampleInBall (FIPS 204 Algorithm 29): the challenge c with τ coefficients ±1 and the rest 0, from all
 * λ/4 bytes of c̃ (the final FIPS 204, unlike round-3 Dilithium, hashes the whole of c̃).
 *
 * <p>Not constant time, like the reference: the byte rejection and the indices follow the SHAKE256
 * output. The c of the accepted attempt is public (c̃ is in the signature); for a rejected attempt only
 * the count of rejected bytes and the cache lines touched in a 1 KiB array could leak.
 */
final class Challenge {
    private Challenge() {
    }

    /** c with coefficients in {-1, 0, 1} into {@code c[0 .. 256)}. */
    static void sampleInBall(MlDsaParameterSet p, byte[] cTilde, int cTildeOff, Shake shake, byte[] buf, int[] c) {
        shake.reset();
        shake.absorb(cTilde, cTildeOff, p.challengeBytes());
        shake.squeeze(buf, 0, Shake.RATE_256);
        long signs = 0;
        for (int i = 0; i < 8; i++) {
            signs |= (buf[i] & 0xFFL) << (8 * i);
        }
        int pos = 8;
        Arrays.fill(c, 0, Ntt.N, 0);
        for (int i = Ntt.N - p.tau; i < Ntt.N; i++) {
            int j;
            do {
                if (pos == Shake.RATE_256) {
                    shake.squeeze(buf, 0, Shake.RATE_256);
                    pos = 0;
                }
                j = buf[pos++] & 0xFF;
            } while (j > i);
            c[i] = c[j];
            c[j] = 1 - 2 * (int) (signs & 1);
            signs >>>= 1;
        }
    }
}
