package io.pqagent.qsmp.crypto;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/** Frozen copy of the pre-tuning code (commit ec8efc4), kept in the benchmark module for same-JVM A/B runs.
 *
 * <p>
 * The default, fast Rijndael-256 path: four precomputed 1 KiB round tables (S-box and MixColumns combined,
 * one per row), no allocation per block. Between rounds the state sits in two small byte arrays rather than
 * in 16 local ints: each table index is then a single byte load, and the JIT does not run out of registers
 * (measured about 20% faster than the all-locals form on the 2-core EPYC build machine).
 *
 * <p><b>Cache-timing exposure:</b> table indices are state bytes, i.e. depend on the key and the counter.
 * An attacker who shares the CPU cache with this process (another process or VM on the same core, SMT
 * sibling) can in principle learn key material from which table lines are touched (Bernstein 2005, Osvik,
 * Shamir and Tromer 2006). The counter is public in CTR mode, which helps such an attack. Use
 * {@link BlockPath#CONSTANT_TIME} where co-resident untrusted code is a concern.
 */
final class BaselineRijndael256Table implements Rijndael256 {
    private static final VarHandle LE_INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
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
    /** The state between rounds, as bytes: reading a byte is one instruction and keeps registers free. */
    private final byte[] stateA = new byte[32];
    private final byte[] stateB = new byte[32];

    /** @param roundKeys (rounds + 1) x 8 columns, little-endian packed as the state */
    BaselineRijndael256Table(int rounds, int[] roundKeys) {
        if (rounds < 1) {
            throw new IllegalArgumentException("Rijndael-256 needs at least one round, got " + rounds);
        }
        if (roundKeys.length != 8 * (rounds + 1)) {
            throw new IllegalArgumentException("need " + 8 * (rounds + 1) + " round-key words, got " + roundKeys.length);
        }
        this.rounds = rounds;
        this.rk = roundKeys.clone();
    }

    @Override
    public void encrypt(int[] block) {
        final int[] rk = this.rk;
        final byte[] a = stateA;
        final byte[] b = stateB;
        for (int c = 0; c < 8; c++) {
            LE_INT.set(a, 4 * c, block[c] ^ rk[c]);
        }
        // rounds 1 .. rounds-1 in pairs a -> b -> a; with an odd count (22 and 30 rounds) one more a -> b
        int k = 8;
        for (int pairs = (rounds - 1) >>> 1; pairs > 0; pairs--, k += 16) {
            LE_INT.set(b, 0, T0[a[0] & 0xff] ^ T1[a[5] & 0xff]
                    ^ T2[a[14] & 0xff] ^ T3[a[19] & 0xff] ^ rk[k + 0]);
            LE_INT.set(b, 4, T0[a[4] & 0xff] ^ T1[a[9] & 0xff]
                    ^ T2[a[18] & 0xff] ^ T3[a[23] & 0xff] ^ rk[k + 1]);
            LE_INT.set(b, 8, T0[a[8] & 0xff] ^ T1[a[13] & 0xff]
                    ^ T2[a[22] & 0xff] ^ T3[a[27] & 0xff] ^ rk[k + 2]);
            LE_INT.set(b, 12, T0[a[12] & 0xff] ^ T1[a[17] & 0xff]
                    ^ T2[a[26] & 0xff] ^ T3[a[31] & 0xff] ^ rk[k + 3]);
            LE_INT.set(b, 16, T0[a[16] & 0xff] ^ T1[a[21] & 0xff]
                    ^ T2[a[30] & 0xff] ^ T3[a[3] & 0xff] ^ rk[k + 4]);
            LE_INT.set(b, 20, T0[a[20] & 0xff] ^ T1[a[25] & 0xff]
                    ^ T2[a[2] & 0xff] ^ T3[a[7] & 0xff] ^ rk[k + 5]);
            LE_INT.set(b, 24, T0[a[24] & 0xff] ^ T1[a[29] & 0xff]
                    ^ T2[a[6] & 0xff] ^ T3[a[11] & 0xff] ^ rk[k + 6]);
            LE_INT.set(b, 28, T0[a[28] & 0xff] ^ T1[a[1] & 0xff]
                    ^ T2[a[10] & 0xff] ^ T3[a[15] & 0xff] ^ rk[k + 7]);
            LE_INT.set(a, 0, T0[b[0] & 0xff] ^ T1[b[5] & 0xff]
                    ^ T2[b[14] & 0xff] ^ T3[b[19] & 0xff] ^ rk[k + 8]);
            LE_INT.set(a, 4, T0[b[4] & 0xff] ^ T1[b[9] & 0xff]
                    ^ T2[b[18] & 0xff] ^ T3[b[23] & 0xff] ^ rk[k + 9]);
            LE_INT.set(a, 8, T0[b[8] & 0xff] ^ T1[b[13] & 0xff]
                    ^ T2[b[22] & 0xff] ^ T3[b[27] & 0xff] ^ rk[k + 10]);
            LE_INT.set(a, 12, T0[b[12] & 0xff] ^ T1[b[17] & 0xff]
                    ^ T2[b[26] & 0xff] ^ T3[b[31] & 0xff] ^ rk[k + 11]);
            LE_INT.set(a, 16, T0[b[16] & 0xff] ^ T1[b[21] & 0xff]
                    ^ T2[b[30] & 0xff] ^ T3[b[3] & 0xff] ^ rk[k + 12]);
            LE_INT.set(a, 20, T0[b[20] & 0xff] ^ T1[b[25] & 0xff]
                    ^ T2[b[2] & 0xff] ^ T3[b[7] & 0xff] ^ rk[k + 13]);
            LE_INT.set(a, 24, T0[b[24] & 0xff] ^ T1[b[29] & 0xff]
                    ^ T2[b[6] & 0xff] ^ T3[b[11] & 0xff] ^ rk[k + 14]);
            LE_INT.set(a, 28, T0[b[28] & 0xff] ^ T1[b[1] & 0xff]
                    ^ T2[b[10] & 0xff] ^ T3[b[15] & 0xff] ^ rk[k + 15]);
        }
        byte[] f = a;
        if (((rounds - 1) & 1) != 0) {
            LE_INT.set(b, 0, T0[a[0] & 0xff] ^ T1[a[5] & 0xff]
                    ^ T2[a[14] & 0xff] ^ T3[a[19] & 0xff] ^ rk[k + 0]);
            LE_INT.set(b, 4, T0[a[4] & 0xff] ^ T1[a[9] & 0xff]
                    ^ T2[a[18] & 0xff] ^ T3[a[23] & 0xff] ^ rk[k + 1]);
            LE_INT.set(b, 8, T0[a[8] & 0xff] ^ T1[a[13] & 0xff]
                    ^ T2[a[22] & 0xff] ^ T3[a[27] & 0xff] ^ rk[k + 2]);
            LE_INT.set(b, 12, T0[a[12] & 0xff] ^ T1[a[17] & 0xff]
                    ^ T2[a[26] & 0xff] ^ T3[a[31] & 0xff] ^ rk[k + 3]);
            LE_INT.set(b, 16, T0[a[16] & 0xff] ^ T1[a[21] & 0xff]
                    ^ T2[a[30] & 0xff] ^ T3[a[3] & 0xff] ^ rk[k + 4]);
            LE_INT.set(b, 20, T0[a[20] & 0xff] ^ T1[a[25] & 0xff]
                    ^ T2[a[2] & 0xff] ^ T3[a[7] & 0xff] ^ rk[k + 5]);
            LE_INT.set(b, 24, T0[a[24] & 0xff] ^ T1[a[29] & 0xff]
                    ^ T2[a[6] & 0xff] ^ T3[a[11] & 0xff] ^ rk[k + 6]);
            LE_INT.set(b, 28, T0[a[28] & 0xff] ^ T1[a[1] & 0xff]
                    ^ T2[a[10] & 0xff] ^ T3[a[15] & 0xff] ^ rk[k + 7]);
            k += 8;
            f = b;
        }
        // final round: SubBytes, ShiftRows, AddRoundKey
        block[0] = (S[f[0] & 0xff] | (S[f[5] & 0xff] << 8) | (S[f[14] & 0xff] << 16)
                | (S[f[19] & 0xff] << 24)) ^ rk[k + 0];
        block[1] = (S[f[4] & 0xff] | (S[f[9] & 0xff] << 8) | (S[f[18] & 0xff] << 16)
                | (S[f[23] & 0xff] << 24)) ^ rk[k + 1];
        block[2] = (S[f[8] & 0xff] | (S[f[13] & 0xff] << 8) | (S[f[22] & 0xff] << 16)
                | (S[f[27] & 0xff] << 24)) ^ rk[k + 2];
        block[3] = (S[f[12] & 0xff] | (S[f[17] & 0xff] << 8) | (S[f[26] & 0xff] << 16)
                | (S[f[31] & 0xff] << 24)) ^ rk[k + 3];
        block[4] = (S[f[16] & 0xff] | (S[f[21] & 0xff] << 8) | (S[f[30] & 0xff] << 16)
                | (S[f[3] & 0xff] << 24)) ^ rk[k + 4];
        block[5] = (S[f[20] & 0xff] | (S[f[25] & 0xff] << 8) | (S[f[2] & 0xff] << 16)
                | (S[f[7] & 0xff] << 24)) ^ rk[k + 5];
        block[6] = (S[f[24] & 0xff] | (S[f[29] & 0xff] << 8) | (S[f[6] & 0xff] << 16)
                | (S[f[11] & 0xff] << 24)) ^ rk[k + 6];
        block[7] = (S[f[28] & 0xff] | (S[f[1] & 0xff] << 8) | (S[f[10] & 0xff] << 16)
                | (S[f[15] & 0xff] << 24)) ^ rk[k + 7];
    }

    @Override
    public Rijndael256 copy() {
        return new BaselineRijndael256Table(rounds, rk);
    }

    @Override
    public void destroy() {
        Arrays.fill(rk, 0);
        Arrays.fill(stateA, (byte) 0);
        Arrays.fill(stateB, (byte) 0);
    }
}
