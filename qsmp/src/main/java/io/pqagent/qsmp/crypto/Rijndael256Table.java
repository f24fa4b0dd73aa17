package io.pqagent.qsmp.crypto;

import java.util.Arrays;

/**
 * The default, fast Rijndael-256 path: four precomputed 1 KiB round tables (S-box and MixColumns combined,
 * one per row), the state in eight local ints, no allocation or copying per block.
 *
 * <p><b>Cache-timing exposure:</b> table indices are state bytes, i.e. depend on the key and the counter.
 * An attacker who shares the CPU cache with this process (another process or VM on the same core, SMT
 * sibling) can in principle learn key material from which table lines are touched (Bernstein 2005, Osvik,
 * Shamir and Tromer 2006). The counter is public in CTR mode, which helps such an attack. Use
 * {@link BlockPath#CONSTANT_TIME} where co-resident untrusted code is a concern.
 */
final class Rijndael256Table implements Rijndael256 {
    private static final int[] S = AesSbox.table();
    private static final int[] T0 = new int[256];
    private static final int[] T1 = new int[256];
    private static final int[] T2 = new int[256];
    private static final int[] T3 = new int[256];

    static {
        for (int x = 0; x < 256; x++) {
            int s = S[x];
            int s2 = AesSbox.multiply(s, 2);
            int s3 = AesSbox.multiply(s, 3);
            // MixColumns column (2s, s, s, 3s) for the byte entering at row 0; rows 1..3 are rotations.
            int t = s2 | (s << 8) | (s << 16) | (s3 << 24);
            T0[x] = t;
            T1[x] = Integer.rotateLeft(t, 8);
            T2[x] = Integer.rotateLeft(t, 16);
            T3[x] = Integer.rotateLeft(t, 24);
        }
    }

    private final int rounds;
    private final int[] rk;

    /** @param roundKeys (rounds + 1) x 8 columns, little-endian packed as the state */
    Rijndael256Table(int rounds, int[] roundKeys) {
        if (roundKeys.length != 8 * (rounds + 1)) {
            throw new IllegalArgumentException("need " + 8 * (rounds + 1) + " round-key words, got " + roundKeys.length);
        }
        this.rounds = rounds;
        this.rk = roundKeys.clone();
    }

    @Override
    public void encrypt(int[] block) {
        final int[] rk = this.rk;
        int s0 = block[0] ^ rk[0];
        int s1 = block[1] ^ rk[1];
        int s2 = block[2] ^ rk[2];
        int s3 = block[3] ^ rk[3];
        int s4 = block[4] ^ rk[4];
        int s5 = block[5] ^ rk[5];
        int s6 = block[6] ^ rk[6];
        int s7 = block[7] ^ rk[7];
        int k = 8;
        for (int r = 1; r < rounds; r++, k += 8) {
            int t0 = T0[s0 & 0xff] ^ T1[(s1 >>> 8) & 0xff] ^ T2[(s3 >>> 16) & 0xff] ^ T3[s4 >>> 24] ^ rk[k + 0];
            int t1 = T0[s1 & 0xff] ^ T1[(s2 >>> 8) & 0xff] ^ T2[(s4 >>> 16) & 0xff] ^ T3[s5 >>> 24] ^ rk[k + 1];
            int t2 = T0[s2 & 0xff] ^ T1[(s3 >>> 8) & 0xff] ^ T2[(s5 >>> 16) & 0xff] ^ T3[s6 >>> 24] ^ rk[k + 2];
            int t3 = T0[s3 & 0xff] ^ T1[(s4 >>> 8) & 0xff] ^ T2[(s6 >>> 16) & 0xff] ^ T3[s7 >>> 24] ^ rk[k + 3];
            int t4 = T0[s4 & 0xff] ^ T1[(s5 >>> 8) & 0xff] ^ T2[(s7 >>> 16) & 0xff] ^ T3[s0 >>> 24] ^ rk[k + 4];
            int t5 = T0[s5 & 0xff] ^ T1[(s6 >>> 8) & 0xff] ^ T2[(s0 >>> 16) & 0xff] ^ T3[s1 >>> 24] ^ rk[k + 5];
            int t6 = T0[s6 & 0xff] ^ T1[(s7 >>> 8) & 0xff] ^ T2[(s1 >>> 16) & 0xff] ^ T3[s2 >>> 24] ^ rk[k + 6];
            int t7 = T0[s7 & 0xff] ^ T1[(s0 >>> 8) & 0xff] ^ T2[(s2 >>> 16) & 0xff] ^ T3[s3 >>> 24] ^ rk[k + 7];
            s0 = t0;
            s1 = t1;
            s2 = t2;
            s3 = t3;
            s4 = t4;
            s5 = t5;
            s6 = t6;
            s7 = t7;
        }
        block[0] = (S[s0 & 0xff] | (S[(s1 >>> 8) & 0xff] << 8) | (S[(s3 >>> 16) & 0xff] << 16) | (S[s4 >>> 24] << 24)) ^ rk[k + 0];
        block[1] = (S[s1 & 0xff] | (S[(s2 >>> 8) & 0xff] << 8) | (S[(s4 >>> 16) & 0xff] << 16) | (S[s5 >>> 24] << 24)) ^ rk[k + 1];
        block[2] = (S[s2 & 0xff] | (S[(s3 >>> 8) & 0xff] << 8) | (S[(s5 >>> 16) & 0xff] << 16) | (S[s6 >>> 24] << 24)) ^ rk[k + 2];
        block[3] = (S[s3 & 0xff] | (S[(s4 >>> 8) & 0xff] << 8) | (S[(s6 >>> 16) & 0xff] << 16) | (S[s7 >>> 24] << 24)) ^ rk[k + 3];
        block[4] = (S[s4 & 0xff] | (S[(s5 >>> 8) & 0xff] << 8) | (S[(s7 >>> 16) & 0xff] << 16) | (S[s0 >>> 24] << 24)) ^ rk[k + 4];
        block[5] = (S[s5 & 0xff] | (S[(s6 >>> 8) & 0xff] << 8) | (S[(s0 >>> 16) & 0xff] << 16) | (S[s1 >>> 24] << 24)) ^ rk[k + 5];
        block[6] = (S[s6 & 0xff] | (S[(s7 >>> 8) & 0xff] << 8) | (S[(s1 >>> 16) & 0xff] << 16) | (S[s2 >>> 24] << 24)) ^ rk[k + 6];
        block[7] = (S[s7 & 0xff] | (S[(s0 >>> 8) & 0xff] << 8) | (S[(s2 >>> 16) & 0xff] << 16) | (S[s3 >>> 24] << 24)) ^ rk[k + 7];
    }

    @Override
    public Rijndael256 copy() {
        return new Rijndael256Table(rounds, rk);
    }

    @Override
    public void destroy() {
        Arrays.fill(rk, 0);
    }
}
