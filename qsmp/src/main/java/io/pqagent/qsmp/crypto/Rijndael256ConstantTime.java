package io.pqagent.qsmp.crypto;

import java.util.Arrays;

/**
 * A constant-time Rijndael-256 path: the 32-byte state is bitsliced into eight 32-bit planes (plane i holds
 * bit i of every state byte; state byte j = row j mod 4, column j div 4 sits at bit j). Every step is fixed
 * logic on whole planes: no table lookup, no secret-dependent index or branch.
 * <ul>
 *   <li>SubBytes: inversion in GF(2^8) as x^254 (bitsliced multiplications and squarings), then the affine map;</li>
 *   <li>ShiftRows: a rotation of each row's bits by 4 x offset (offsets 0/1/3/4);</li>
 *   <li>MixColumns: row rotations inside each column nibble and a bitsliced xtime.</li>
 * </ul>
 * About an order of magnitude slower than {@link Rijndael256Table}; identical output.
 */
final class Rijndael256ConstantTime implements Rijndael256 {
    private static final int ROW0 = 0x11111111;
    private static final int ROW1 = ROW0 << 1;
    private static final int ROW2 = ROW0 << 2;
    private static final int ROW3 = ROW0 << 3;

    private final int rounds;
    /** Round keys bitsliced: (rounds + 1) x 8 planes. */
    private final int[] rkPlanes;
    private final int[] p = new int[8];

    Rijndael256ConstantTime(int rounds, int[] roundKeys) {
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

    private Rijndael256ConstantTime(Rijndael256ConstantTime other) {
        this.rounds = other.rounds;
        this.rkPlanes = other.rkPlanes.clone();
    }

    @Override
    public void encrypt(int[] block) {
        int[] s = p;
        toPlanes(block, s);
        addRoundKey(s, 0);
        for (int r = 1; r < rounds; r++) {
            subBytes(s);
            shiftRows(s);
            mixColumns(s);
            addRoundKey(s, r);
        }
        subBytes(s);
        shiftRows(s);
        addRoundKey(s, rounds);
        fromPlanes(s, block);
        Arrays.fill(s, 0);
    }

    @Override
    public Rijndael256 copy() {
        return new Rijndael256ConstantTime(this);
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

    /**
     * SubBytes on all 32 bytes at once: S(x) = affine(x^254) in GF(2^8), x^254 by an addition chain of
     * bitsliced squarings (linear: x^8 .. x^14 reduce to 0x1b, 0x6c, 0xab, 0x9a) and schoolbook
     * multiplications reduced with x^8 = x^4 + x^3 + x + 1. Straight-line code on locals.
     */
    private static void subBytes(int[] s) {
        int x0 = s[0], x1 = s[1], x2 = s[2], x3 = s[3], x4 = s[4], x5 = s[5], x6 = s[6], x7 = s[7];
        // x^2, x^3 = x^2 * x, x^12 = (x^3)^4, x^15 = x^12 * x^3, x^240 = (x^15)^16, x^252 = x^240 * x^12, x^254 = x^252 * x^2
        int q0 = x0 ^ x4 ^ x6;
        int q1 = x4 ^ x6 ^ x7;
        int q2 = x1 ^ x5;
        int q3 = x4 ^ x5 ^ x6 ^ x7;
        int q4 = x2 ^ x4 ^ x7;
        int q5 = x5 ^ x6;
        int q6 = x3 ^ x5;
        int q7 = x6 ^ x7;
        int cp0 = (q0 & x0);
        int cp1 = (q0 & x1) ^ (q1 & x0);
        int cp2 = (q0 & x2) ^ (q1 & x1) ^ (q2 & x0);
        int cp3 = (q0 & x3) ^ (q1 & x2) ^ (q2 & x1) ^ (q3 & x0);
        int cp4 = (q0 & x4) ^ (q1 & x3) ^ (q2 & x2) ^ (q3 & x1) ^ (q4 & x0);
        int cp5 = (q0 & x5) ^ (q1 & x4) ^ (q2 & x3) ^ (q3 & x2) ^ (q4 & x1) ^ (q5 & x0);
        int cp6 = (q0 & x6) ^ (q1 & x5) ^ (q2 & x4) ^ (q3 & x3) ^ (q4 & x2) ^ (q5 & x1) ^ (q6 & x0);
        int cp7 = (q0 & x7) ^ (q1 & x6) ^ (q2 & x5) ^ (q3 & x4) ^ (q4 & x3) ^ (q5 & x2) ^ (q6 & x1) ^ (q7 & x0);
        int cp8 = (q1 & x7) ^ (q2 & x6) ^ (q3 & x5) ^ (q4 & x4) ^ (q5 & x3) ^ (q6 & x2) ^ (q7 & x1);
        int cp9 = (q2 & x7) ^ (q3 & x6) ^ (q4 & x5) ^ (q5 & x4) ^ (q6 & x3) ^ (q7 & x2);
        int cp10 = (q3 & x7) ^ (q4 & x6) ^ (q5 & x5) ^ (q6 & x4) ^ (q7 & x3);
        int cp11 = (q4 & x7) ^ (q5 & x6) ^ (q6 & x5) ^ (q7 & x4);
        int cp12 = (q5 & x7) ^ (q6 & x6) ^ (q7 & x5);
        int cp13 = (q6 & x7) ^ (q7 & x6);
        int cp14 = (q7 & x7);
        cp6 ^= cp14;
        cp7 ^= cp14;
        cp9 ^= cp14;
        cp10 ^= cp14;
        cp5 ^= cp13;
        cp6 ^= cp13;
        cp8 ^= cp13;
        cp9 ^= cp13;
        cp4 ^= cp12;
        cp5 ^= cp12;
        cp7 ^= cp12;
        cp8 ^= cp12;
        cp3 ^= cp11;
        cp4 ^= cp11;
        cp6 ^= cp11;
        cp7 ^= cp11;
        cp2 ^= cp10;
        cp3 ^= cp10;
        cp5 ^= cp10;
        cp6 ^= cp10;
        cp1 ^= cp9;
        cp2 ^= cp9;
        cp4 ^= cp9;
        cp5 ^= cp9;
        cp0 ^= cp8;
        cp1 ^= cp8;
        cp3 ^= cp8;
        cp4 ^= cp8;
        int c0 = cp0;
        int c1 = cp1;
        int c2 = cp2;
        int c3 = cp3;
        int c4 = cp4;
        int c5 = cp5;
        int c6 = cp6;
        int c7 = cp7;
        int u0 = c0 ^ c4 ^ c6;
        int u1 = c4 ^ c6 ^ c7;
        int u2 = c1 ^ c5;
        int u3 = c4 ^ c5 ^ c6 ^ c7;
        int u4 = c2 ^ c4 ^ c7;
        int u5 = c5 ^ c6;
        int u6 = c3 ^ c5;
        int u7 = c6 ^ c7;
        int w0 = u0 ^ u4 ^ u6;
        int w1 = u4 ^ u6 ^ u7;
        int w2 = u1 ^ u5;
        int w3 = u4 ^ u5 ^ u6 ^ u7;
        int w4 = u2 ^ u4 ^ u7;
        int w5 = u5 ^ u6;
        int w6 = u3 ^ u5;
        int w7 = u6 ^ u7;
        int fp0 = (w0 & c0);
        int fp1 = (w0 & c1) ^ (w1 & c0);
        int fp2 = (w0 & c2) ^ (w1 & c1) ^ (w2 & c0);
        int fp3 = (w0 & c3) ^ (w1 & c2) ^ (w2 & c1) ^ (w3 & c0);
        int fp4 = (w0 & c4) ^ (w1 & c3) ^ (w2 & c2) ^ (w3 & c1) ^ (w4 & c0);
        int fp5 = (w0 & c5) ^ (w1 & c4) ^ (w2 & c3) ^ (w3 & c2) ^ (w4 & c1) ^ (w5 & c0);
        int fp6 = (w0 & c6) ^ (w1 & c5) ^ (w2 & c4) ^ (w3 & c3) ^ (w4 & c2) ^ (w5 & c1) ^ (w6 & c0);
        int fp7 = (w0 & c7) ^ (w1 & c6) ^ (w2 & c5) ^ (w3 & c4) ^ (w4 & c3) ^ (w5 & c2) ^ (w6 & c1) ^ (w7 & c0);
        int fp8 = (w1 & c7) ^ (w2 & c6) ^ (w3 & c5) ^ (w4 & c4) ^ (w5 & c3) ^ (w6 & c2) ^ (w7 & c1);
        int fp9 = (w2 & c7) ^ (w3 & c6) ^ (w4 & c5) ^ (w5 & c4) ^ (w6 & c3) ^ (w7 & c2);
        int fp10 = (w3 & c7) ^ (w4 & c6) ^ (w5 & c5) ^ (w6 & c4) ^ (w7 & c3);
        int fp11 = (w4 & c7) ^ (w5 & c6) ^ (w6 & c5) ^ (w7 & c4);
        int fp12 = (w5 & c7) ^ (w6 & c6) ^ (w7 & c5);
        int fp13 = (w6 & c7) ^ (w7 & c6);
        int fp14 = (w7 & c7);
        fp6 ^= fp14;
        fp7 ^= fp14;
        fp9 ^= fp14;
        fp10 ^= fp14;
        fp5 ^= fp13;
        fp6 ^= fp13;
        fp8 ^= fp13;
        fp9 ^= fp13;
        fp4 ^= fp12;
        fp5 ^= fp12;
        fp7 ^= fp12;
        fp8 ^= fp12;
        fp3 ^= fp11;
        fp4 ^= fp11;
        fp6 ^= fp11;
        fp7 ^= fp11;
        fp2 ^= fp10;
        fp3 ^= fp10;
        fp5 ^= fp10;
        fp6 ^= fp10;
        fp1 ^= fp9;
        fp2 ^= fp9;
        fp4 ^= fp9;
        fp5 ^= fp9;
        fp0 ^= fp8;
        fp1 ^= fp8;
        fp3 ^= fp8;
        fp4 ^= fp8;
        int f0 = fp0;
        int f1 = fp1;
        int f2 = fp2;
        int f3 = fp3;
        int f4 = fp4;
        int f5 = fp5;
        int f6 = fp6;
        int f7 = fp7;
        int g10 = f0 ^ f4 ^ f6;
        int g11 = f4 ^ f6 ^ f7;
        int g12 = f1 ^ f5;
        int g13 = f4 ^ f5 ^ f6 ^ f7;
        int g14 = f2 ^ f4 ^ f7;
        int g15 = f5 ^ f6;
        int g16 = f3 ^ f5;
        int g17 = f6 ^ f7;
        int g20 = g10 ^ g14 ^ g16;
        int g21 = g14 ^ g16 ^ g17;
        int g22 = g11 ^ g15;
        int g23 = g14 ^ g15 ^ g16 ^ g17;
        int g24 = g12 ^ g14 ^ g17;
        int g25 = g15 ^ g16;
        int g26 = g13 ^ g15;
        int g27 = g16 ^ g17;
        int g30 = g20 ^ g24 ^ g26;
        int g31 = g24 ^ g26 ^ g27;
        int g32 = g21 ^ g25;
        int g33 = g24 ^ g25 ^ g26 ^ g27;
        int g34 = g22 ^ g24 ^ g27;
        int g35 = g25 ^ g26;
        int g36 = g23 ^ g25;
        int g37 = g26 ^ g27;
        int g0 = g30 ^ g34 ^ g36;
        int g1 = g34 ^ g36 ^ g37;
        int g2 = g31 ^ g35;
        int g3 = g34 ^ g35 ^ g36 ^ g37;
        int g4 = g32 ^ g34 ^ g37;
        int g5 = g35 ^ g36;
        int g6 = g33 ^ g35;
        int g7 = g36 ^ g37;
        int hp0 = (g0 & w0);
        int hp1 = (g0 & w1) ^ (g1 & w0);
        int hp2 = (g0 & w2) ^ (g1 & w1) ^ (g2 & w0);
        int hp3 = (g0 & w3) ^ (g1 & w2) ^ (g2 & w1) ^ (g3 & w0);
        int hp4 = (g0 & w4) ^ (g1 & w3) ^ (g2 & w2) ^ (g3 & w1) ^ (g4 & w0);
        int hp5 = (g0 & w5) ^ (g1 & w4) ^ (g2 & w3) ^ (g3 & w2) ^ (g4 & w1) ^ (g5 & w0);
        int hp6 = (g0 & w6) ^ (g1 & w5) ^ (g2 & w4) ^ (g3 & w3) ^ (g4 & w2) ^ (g5 & w1) ^ (g6 & w0);
        int hp7 = (g0 & w7) ^ (g1 & w6) ^ (g2 & w5) ^ (g3 & w4) ^ (g4 & w3) ^ (g5 & w2) ^ (g6 & w1) ^ (g7 & w0);
        int hp8 = (g1 & w7) ^ (g2 & w6) ^ (g3 & w5) ^ (g4 & w4) ^ (g5 & w3) ^ (g6 & w2) ^ (g7 & w1);
        int hp9 = (g2 & w7) ^ (g3 & w6) ^ (g4 & w5) ^ (g5 & w4) ^ (g6 & w3) ^ (g7 & w2);
        int hp10 = (g3 & w7) ^ (g4 & w6) ^ (g5 & w5) ^ (g6 & w4) ^ (g7 & w3);
        int hp11 = (g4 & w7) ^ (g5 & w6) ^ (g6 & w5) ^ (g7 & w4);
        int hp12 = (g5 & w7) ^ (g6 & w6) ^ (g7 & w5);
        int hp13 = (g6 & w7) ^ (g7 & w6);
        int hp14 = (g7 & w7);
        hp6 ^= hp14;
        hp7 ^= hp14;
        hp9 ^= hp14;
        hp10 ^= hp14;
        hp5 ^= hp13;
        hp6 ^= hp13;
        hp8 ^= hp13;
        hp9 ^= hp13;
        hp4 ^= hp12;
        hp5 ^= hp12;
        hp7 ^= hp12;
        hp8 ^= hp12;
        hp3 ^= hp11;
        hp4 ^= hp11;
        hp6 ^= hp11;
        hp7 ^= hp11;
        hp2 ^= hp10;
        hp3 ^= hp10;
        hp5 ^= hp10;
        hp6 ^= hp10;
        hp1 ^= hp9;
        hp2 ^= hp9;
        hp4 ^= hp9;
        hp5 ^= hp9;
        hp0 ^= hp8;
        hp1 ^= hp8;
        hp3 ^= hp8;
        hp4 ^= hp8;
        int h0 = hp0;
        int h1 = hp1;
        int h2 = hp2;
        int h3 = hp3;
        int h4 = hp4;
        int h5 = hp5;
        int h6 = hp6;
        int h7 = hp7;
        int vp0 = (h0 & q0);
        int vp1 = (h0 & q1) ^ (h1 & q0);
        int vp2 = (h0 & q2) ^ (h1 & q1) ^ (h2 & q0);
        int vp3 = (h0 & q3) ^ (h1 & q2) ^ (h2 & q1) ^ (h3 & q0);
        int vp4 = (h0 & q4) ^ (h1 & q3) ^ (h2 & q2) ^ (h3 & q1) ^ (h4 & q0);
        int vp5 = (h0 & q5) ^ (h1 & q4) ^ (h2 & q3) ^ (h3 & q2) ^ (h4 & q1) ^ (h5 & q0);
        int vp6 = (h0 & q6) ^ (h1 & q5) ^ (h2 & q4) ^ (h3 & q3) ^ (h4 & q2) ^ (h5 & q1) ^ (h6 & q0);
        int vp7 = (h0 & q7) ^ (h1 & q6) ^ (h2 & q5) ^ (h3 & q4) ^ (h4 & q3) ^ (h5 & q2) ^ (h6 & q1) ^ (h7 & q0);
        int vp8 = (h1 & q7) ^ (h2 & q6) ^ (h3 & q5) ^ (h4 & q4) ^ (h5 & q3) ^ (h6 & q2) ^ (h7 & q1);
        int vp9 = (h2 & q7) ^ (h3 & q6) ^ (h4 & q5) ^ (h5 & q4) ^ (h6 & q3) ^ (h7 & q2);
        int vp10 = (h3 & q7) ^ (h4 & q6) ^ (h5 & q5) ^ (h6 & q4) ^ (h7 & q3);
        int vp11 = (h4 & q7) ^ (h5 & q6) ^ (h6 & q5) ^ (h7 & q4);
        int vp12 = (h5 & q7) ^ (h6 & q6) ^ (h7 & q5);
        int vp13 = (h6 & q7) ^ (h7 & q6);
        int vp14 = (h7 & q7);
        vp6 ^= vp14;
        vp7 ^= vp14;
        vp9 ^= vp14;
        vp10 ^= vp14;
        vp5 ^= vp13;
        vp6 ^= vp13;
        vp8 ^= vp13;
        vp9 ^= vp13;
        vp4 ^= vp12;
        vp5 ^= vp12;
        vp7 ^= vp12;
        vp8 ^= vp12;
        vp3 ^= vp11;
        vp4 ^= vp11;
        vp6 ^= vp11;
        vp7 ^= vp11;
        vp2 ^= vp10;
        vp3 ^= vp10;
        vp5 ^= vp10;
        vp6 ^= vp10;
        vp1 ^= vp9;
        vp2 ^= vp9;
        vp4 ^= vp9;
        vp5 ^= vp9;
        vp0 ^= vp8;
        vp1 ^= vp8;
        vp3 ^= vp8;
        vp4 ^= vp8;
        int v0 = vp0;
        int v1 = vp1;
        int v2 = vp2;
        int v3 = vp3;
        int v4 = vp4;
        int v5 = vp5;
        int v6 = vp6;
        int v7 = vp7;
        // affine map: b_i ^ b_{i+4} ^ b_{i+5} ^ b_{i+6} ^ b_{i+7} (indices mod 8), then xor 0x63 (bits 0, 1, 5, 6)
        s[0] = ~(v0 ^ v4 ^ v5 ^ v6 ^ v7);
        s[1] = ~(v1 ^ v5 ^ v6 ^ v7 ^ v0);
        s[2] = v2 ^ v6 ^ v7 ^ v0 ^ v1;
        s[3] = v3 ^ v7 ^ v0 ^ v1 ^ v2;
        s[4] = v4 ^ v0 ^ v1 ^ v2 ^ v3;
        s[5] = ~(v5 ^ v1 ^ v2 ^ v3 ^ v4);
        s[6] = ~(v6 ^ v2 ^ v3 ^ v4 ^ v5);
        s[7] = v7 ^ v3 ^ v4 ^ v5 ^ v6;
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
