package io.pqagent.qsmp.crypto;

import java.util.Arrays;

/** Frozen copy of the pre-tuning code (commit ec8efc4), kept in the benchmark module for same-JVM A/B runs.
 *
 * <p>
 * A constant-time Rijndael-256 path: the 32-byte state is bitsliced into eight 32-bit planes (plane i holds
 * bit i of every state byte; state byte j = row j mod 4, column j div 4 sits at bit j). Every step is fixed
 * logic on whole planes: no table lookup, no secret-dependent index or branch.
 * <ul>
 *   <li>SubBytes: {@link BaselineBitslicedAesSbox}, inversion in GF(2^8) as x^254, then the affine map;</li>
 *   <li>ShiftRows: a rotation of each row's bits by 4 x offset (offsets 0/1/3/4);</li>
 *   <li>MixColumns: row rotations inside each column nibble and a bitsliced xtime.</li>
 * </ul>
 * About an order of magnitude slower than {@link Rijndael256Table}; identical output.
 */
final class BaselineRijndael256ConstantTime implements Rijndael256 {
    private static final int ROW0 = 0x11111111;
    private static final int ROW1 = ROW0 << 1;
    private static final int ROW2 = ROW0 << 2;
    private static final int ROW3 = ROW0 << 3;

    private final int rounds;
    /** Round keys bitsliced: (rounds + 1) x 8 planes. */
    private final int[] rkPlanes;
    private final int[] p = new int[8];

    BaselineRijndael256ConstantTime(int rounds, int[] roundKeys) {
        if (roundKeys.length != 8 * (rounds + 1)) {
            throw new IllegalArgumentException("need " + 8 * (rounds + 1) + " round-key words, got " + roundKeys.length);
        }
        this.rounds = rounds;
        this.rkPlanes = new int[roundKeys.length];
        int[] cols = new int[8];
        int[] planes = new int[8];
        for (int r = 0; r <= rounds; r++) {
            System.arraycopy(roundKeys, 8 * r, cols, 0, 8);
            toPlanes(cols, planes);
            System.arraycopy(planes, 0, rkPlanes, 8 * r, 8);
        }
        Arrays.fill(cols, 0);
        Arrays.fill(planes, 0);
    }

    private BaselineRijndael256ConstantTime(BaselineRijndael256ConstantTime other) {
        this.rounds = other.rounds;
        this.rkPlanes = other.rkPlanes.clone();
    }

    @Override
    public void encrypt(int[] block) {
        int[] s = p;
        toPlanes(block, s);
        addRoundKey(s, 0);
        for (int r = 1; r < rounds; r++) {
            BaselineBitslicedAesSbox.substitute(s);
            shiftRows(s);
            mixColumns(s);
            addRoundKey(s, r);
        }
        BaselineBitslicedAesSbox.substitute(s);
        shiftRows(s);
        addRoundKey(s, rounds);
        fromPlanes(s, block);
        Arrays.fill(s, 0);
    }

    @Override
    public Rijndael256 copy() {
        return new BaselineRijndael256ConstantTime(this);
    }

    @Override
    public void destroy() {
        Arrays.fill(rkPlanes, 0);
        Arrays.fill(p, 0);
    }

    private void addRoundKey(int[] s, int round) {
        int base = 8 * round;
        for (int i = 0; i < 8; i++) {
            s[i] ^= rkPlanes[base + i];
        }
    }

    /** Row r moves left by 0/1/3/4 columns: bit 4c + r takes bit 4(c + k) + r, a right rotation by 4k. */
    private static void shiftRows(int[] s) {
        for (int i = 0; i < 8; i++) {
            int v = s[i];
            s[i] = (v & ROW0) | Integer.rotateRight(v & ROW1, 4) | Integer.rotateRight(v & ROW2, 12)
                    | Integer.rotateRight(v & ROW3, 16);
        }
    }

    /** out_r = 2(a_r ^ a_{r+1}) ^ a_{r+1} ^ a_{r+2} ^ a_{r+3} within each column. */
    private static void mixColumns(int[] s) {
        int q0 = s[0] ^ rot1(s[0]), q1 = s[1] ^ rot1(s[1]), q2 = s[2] ^ rot1(s[2]), q3 = s[3] ^ rot1(s[3]);
        int q4 = s[4] ^ rot1(s[4]), q5 = s[5] ^ rot1(s[5]), q6 = s[6] ^ rot1(s[6]), q7 = s[7] ^ rot1(s[7]);
        // xtime on planes: shift up one plane, fold plane 7 into planes 0, 1, 3, 4 (0x1b)
        s[0] = q7 ^ rot123(s[0]);
        s[1] = q0 ^ q7 ^ rot123(s[1]);
        s[2] = q1 ^ rot123(s[2]);
        s[3] = q2 ^ q7 ^ rot123(s[3]);
        s[4] = q3 ^ q7 ^ rot123(s[4]);
        s[5] = q4 ^ rot123(s[5]);
        s[6] = q5 ^ rot123(s[6]);
        s[7] = q6 ^ rot123(s[7]);
    }

    private static int rot123(int v) {
        return rot1(v) ^ rot2(v) ^ rot3(v);
    }

    /** Row r of each column takes row r + 1 (mod 4). */
    private static int rot1(int v) {
        return ((v >>> 1) & 0x77777777) | ((v << 3) & 0x88888888);
    }

    private static int rot2(int v) {
        return ((v >>> 2) & 0x33333333) | ((v << 2) & 0xCCCCCCCC);
    }

    private static int rot3(int v) {
        return ((v >>> 3) & 0x11111111) | ((v << 1) & 0xEEEEEEEE);
    }

    /** Eight LE columns (32 bytes) to eight bit planes, via four 8x8 bit-matrix transposes. */
    static void toPlanes(int[] cols, int[] planes) {
        Arrays.fill(planes, 0);
        for (int m = 0; m < 4; m++) {
            long v = transpose8((cols[2 * m] & 0xffffffffL) | ((long) cols[2 * m + 1] << 32));
            for (int i = 0; i < 8; i++) {
                planes[i] |= (int) ((v >>> (8 * i)) & 0xff) << (8 * m);
            }
        }
    }

    static void fromPlanes(int[] planes, int[] cols) {
        for (int m = 0; m < 4; m++) {
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v |= (long) ((planes[i] >>> (8 * m)) & 0xff) << (8 * i);
            }
            v = transpose8(v);
            cols[2 * m] = (int) v;
            cols[2 * m + 1] = (int) (v >>> 32);
        }
    }

    /** Transposes an 8x8 bit matrix (byte r = row r, bit c = column c); its own inverse. */
    private static long transpose8(long x) {
        long t = (x ^ (x >>> 7)) & 0x00AA00AA00AA00AAL;
        x = x ^ t ^ (t << 7);
        t = (x ^ (x >>> 14)) & 0x0000CCCC0000CCCCL;
        x = x ^ t ^ (t << 14);
        t = (x ^ (x >>> 28)) & 0x00000000F0F0F0F0L;
        return x ^ t ^ (t << 28);
    }
}
