package io.pqagent.qsmp.crypto;

import java.util.Arrays;

/**
 * A constant-time Rijndael-256 path: the 32-byte state is bitsliced into eight 32-bit planes (plane i holds
 * bit i of every state byte; state byte j = row j mod 4, column j div 4 sits at bit j), and two blocks are
 * processed at once, one in each half of eight 64-bit planes (CTR mode mostly has blocks to pair). Every
 * step is fixed logic on whole planes: no table lookup, no secret-dependent index or branch.
 * <ul>
 *   <li>SubBytes: {@link BitslicedAesSbox}, inversion in GF(2^8) as x^254, then the affine map;</li>
 *   <li>ShiftRows: a rotation of each row's bits by 4 x offset (offsets 0/1/3/4);</li>
 *   <li>MixColumns: row rotations inside each column nibble and a bitsliced xtime.</li>
 * </ul>
 * About an order of magnitude slower than {@link Rijndael256Table} per block even so; identical output.
 */
final class Rijndael256ConstantTime implements Rijndael256 {
    /** Row r of every column, in both 32-bit halves (one block per half). */
    private static final long ROW0 = 0x1111111111111111L;
    private static final long ROW1 = ROW0 << 1;
    private static final long ROW2 = ROW0 << 2;
    private static final long ROW3 = ROW0 << 3;
    private static final long LOW = 0xffffffffL;

    private final int rounds;
    /** Round keys bitsliced: (rounds + 1) x 8 planes, each repeated in both halves of a long. */
    private final long[] rkPlanes;
    private final long[] p = new long[8];
    private final int[] colsA = new int[8];
    private final int[] colsB = new int[8];
    private final int[] planesA = new int[8];
    private final int[] planesB = new int[8];

    Rijndael256ConstantTime(int rounds, int[] roundKeys) {
        if (roundKeys.length != 8 * (rounds + 1)) {
            throw new IllegalArgumentException("need " + 8 * (rounds + 1) + " round-key words, got " + roundKeys.length);
        }
        this.rounds = rounds;
        this.rkPlanes = new long[roundKeys.length];
        int[] cols = new int[8];
        int[] planes = new int[8];
        for (int r = 0; r <= rounds; r++) {
            System.arraycopy(roundKeys, 8 * r, cols, 0, 8);
            toPlanes(cols, planes);
            for (int i = 0; i < 8; i++) {
                rkPlanes[8 * r + i] = (planes[i] & LOW) | ((long) planes[i] << 32);
            }
        }
        Arrays.fill(cols, 0);
        Arrays.fill(planes, 0);
    }

    private Rijndael256ConstantTime(Rijndael256ConstantTime other) {
        this.rounds = other.rounds;
        this.rkPlanes = other.rkPlanes.clone();
    }

    @Override
    public void encrypt(int[] block) {
        System.arraycopy(block, 0, colsA, 0, 8);
        Arrays.fill(colsB, 0);
        encryptPair();
        System.arraycopy(colsA, 0, block, 0, 8);
        wipe();
    }

    /** Two blocks per pass: one in each 32-bit half of the planes (an odd last block shares with zeros). */
    @Override
    public void encrypt(long[] blocks, int offset, int count) {
        java.util.Objects.checkFromIndexSize(offset, 4 * count, blocks.length);
        for (int b = 0; b < count; b += 2) {
            int pa = offset + 4 * b;
            boolean pair = b + 1 < count;
            for (int j = 0; j < 4; j++) {
                colsA[2 * j] = (int) blocks[pa + j];
                colsA[2 * j + 1] = (int) (blocks[pa + j] >>> 32);
                long vb = pair ? blocks[pa + 4 + j] : 0L;
                colsB[2 * j] = (int) vb;
                colsB[2 * j + 1] = (int) (vb >>> 32);
            }
            encryptPair();
            for (int j = 0; j < 4; j++) {
                blocks[pa + j] = (colsA[2 * j] & LOW) | ((long) colsA[2 * j + 1] << 32);
                if (pair) {
                    blocks[pa + 4 + j] = (colsB[2 * j] & LOW) | ((long) colsB[2 * j + 1] << 32);
                }
            }
        }
        wipe();
    }

    /** Encrypts colsA and colsB in place. */
    private void encryptPair() {
        long[] s = p;
        toPlanes(colsA, planesA);
        toPlanes(colsB, planesB);
        for (int i = 0; i < 8; i++) {
            s[i] = (planesA[i] & LOW) | ((long) planesB[i] << 32);
        }
        addRoundKey(s, 0);
        for (int r = 1; r < rounds; r++) {
            BitslicedAesSbox.substitute(s);
            shiftRows(s);
            mixColumns(s);
            addRoundKey(s, r);
        }
        BitslicedAesSbox.substitute(s);
        shiftRows(s);
        addRoundKey(s, rounds);
        for (int i = 0; i < 8; i++) {
            planesA[i] = (int) s[i];
            planesB[i] = (int) (s[i] >>> 32);
        }
        fromPlanes(planesA, colsA);
        fromPlanes(planesB, colsB);
    }

    private void wipe() {
        Arrays.fill(p, 0L);
        Arrays.fill(colsA, 0);
        Arrays.fill(colsB, 0);
        Arrays.fill(planesA, 0);
        Arrays.fill(planesB, 0);
    }

    @Override
    public Rijndael256 copy() {
        return new Rijndael256ConstantTime(this);
    }

    @Override
    public void destroy() {
        Arrays.fill(rkPlanes, 0L);
        wipe();
    }

    private void addRoundKey(long[] s, int round) {
        int base = 8 * round;
        for (int i = 0; i < 8; i++) {
            s[i] ^= rkPlanes[base + i];
        }
    }

    /**
     * Row r moves left by 0/1/3/4 columns: bit 4c + r takes bit 4(c + k) + r, a right rotation by 4k of
     * each 32-bit half.
     */
    private static void shiftRows(long[] s) {
        for (int i = 0; i < 8; i++) {
            long v = s[i];
            s[i] = (v & ROW0) | rotateHalvesRight(v & ROW1, 4) | rotateHalvesRight(v & ROW2, 12)
                    | rotateHalvesRight(v & ROW3, 16);
        }
    }

    /** Rotates each 32-bit half of {@code v} right by {@code n} (0 &lt; n &lt; 32). */
    private static long rotateHalvesRight(long v, int n) {
        long keep = (LOW >>> n) * 0x100000001L;
        return ((v >>> n) & keep) | ((v << (32 - n)) & ~keep);
    }

    /** out_r = 2(a_r ^ a_{r+1}) ^ a_{r+1} ^ a_{r+2} ^ a_{r+3} within each column. */
    private static void mixColumns(long[] s) {
        long q0 = s[0] ^ rot1(s[0]), q1 = s[1] ^ rot1(s[1]), q2 = s[2] ^ rot1(s[2]), q3 = s[3] ^ rot1(s[3]);
        long q4 = s[4] ^ rot1(s[4]), q5 = s[5] ^ rot1(s[5]), q6 = s[6] ^ rot1(s[6]), q7 = s[7] ^ rot1(s[7]);
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

    private static long rot123(long v) {
        return rot1(v) ^ rot2(v) ^ rot3(v);
    }

    /** Row r of each column takes row r + 1 (mod 4); shifts stay inside each 4-bit column group. */
    private static long rot1(long v) {
        return ((v >>> 1) & 0x7777777777777777L) | ((v << 3) & 0x8888888888888888L);
    }

    private static long rot2(long v) {
        return ((v >>> 2) & 0x3333333333333333L) | ((v << 2) & 0xCCCCCCCCCCCCCCCCL);
    }

    private static long rot3(long v) {
        return ((v >>> 3) & 0x1111111111111111L) | ((v << 1) & 0xEEEEEEEEEEEEEEEEL);
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
