package io.pqagent.qsmp.crypto;

import static jdk.incubator.vector.VectorOperators.LT;
import static jdk.incubator.vector.VectorOperators.NE;
import static jdk.incubator.vector.VectorOperators.ROR;
import static jdk.incubator.vector.VectorOperators.XOR;

import java.util.Arrays;
import java.util.Objects;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * Feasibility prototype (microbench only, not a product path): Rijndael-256 with the JDK 17 incubating Vector
 * API, two 32-byte blocks per 512-bit vector.
 *
 * <p>A round on one vector: ShiftRows is one constant byte permutation; SubBytes is a 256-entry lookup built
 * from four 64-entry in-register lookups ({@code rearrange}, vpermb with AVX-512 VBMI) blended by bits 6 and
 * 7 of the index; MixColumns uses the identity out = 2t ^ rot1(a) ^ rot2(t) with t = a ^ rot1(a), where rotk
 * brings row r+k of a column to row r (a 32-bit lane rotate right by 8k, the state bytes being little-endian
 * columns), and 2t is xtime on bytes (add to itself, xor 0x1b where the top bit was set); AddRoundKey xors a
 * round-key vector holding the 32-byte round key twice. No lookup touches memory with a secret index, so
 * this path should also be free of the cache-timing exposure of {@link Rijndael256Table} (not verified).
 *
 * <p>Variants ({@code group}), all checked equal to the table path by {@link VectorRijndaelBenchmark}: 1, 2, 4
 * or 8 vectors held in registers go through the rounds together so that the out-of-order core can overlap
 * their dependency chains (a round on one vector is one long chain of dependent operations; 4 is the
 * fastest, 8 no faster and slower to get compiled); {@link #IN_MEMORY} keeps the state in the caller's array and runs a small method
 * per round on two vectors, slightly slower when warm but safe from a cold start (the big register methods
 * are more than C1 can compile, and the tiered JIT can leave them in slow code). The remainder goes one
 * vector at a time, a final odd block padded with zeros.
 *
 * <p>Needs {@code --add-modules jdk.incubator.vector} at compile time and at every JVM launch, and prints
 * "WARNING: Using incubator modules" on stderr.
 */
final class VectorRijndael256 implements Rijndael256 {
    private static final VectorSpecies<Byte> B = ByteVector.SPECIES_512;
    private static final VectorSpecies<Long> L = LongVector.SPECIES_512;
    /** Longs per vector: two blocks of four. */
    private static final int LANES_L = 8;
    /** S-box quarters: SQk[i] = S(64k + i). */
    private static final ByteVector SQ0;
    private static final ByteVector SQ1;
    private static final ByteVector SQ2;
    private static final ByteVector SQ3;
    private static final VectorShuffle<Byte> SHIFT_ROWS;
    private static final int[] SHIFT = {0, 1, 3, 4};

    static {
        byte[][] q = new byte[4][64];
        for (int x = 0; x < 256; x++) {
            q[x >>> 6][x & 63] = (byte) AesSbox.substitute(x);
        }
        SQ0 = ByteVector.fromArray(B, q[0], 0);
        SQ1 = ByteVector.fromArray(B, q[1], 0);
        SQ2 = ByteVector.fromArray(B, q[2], 0);
        SQ3 = ByteVector.fromArray(B, q[3], 0);
        int[] sr = new int[64];
        for (int i = 0; i < 64; i++) {
            int block = i & ~31;
            int c = (i & 31) >>> 2;
            int r = i & 3;
            sr[i] = block + 4 * ((c + SHIFT[r]) & 7) + r;
        }
        SHIFT_ROWS = VectorShuffle.fromArray(B, sr, 0);
    }

    private final int rounds;
    /**
     * Group value for the in-memory variant: the state stays in the caller's array between rounds and each
     * round on one vector is its own small method ({@link #round}), so that C1 can compile it and C2 never
     * has a method too big to compile or inline; the independent vectors of a batch still overlap in the
     * out-of-order core. Made for the cold-start problem of the register variants (see the report).
     */
    static final int IN_MEMORY = 0;
    /** Vectors (of two blocks) taken through the rounds together: 1, 2, 4 or 8; or {@link #IN_MEMORY}. */
    private final int group;
    /** (rounds + 1) round keys of 64 bytes: the 32-byte key twice, one per block in a vector. */
    private final byte[] rk;
    private final long[] single = new long[4];
    /** A last odd block padded with zeros to a full vector. */
    private final long[] pad = new long[LANES_L];

    /** @param roundKeys (rounds + 1) x 8 columns, little-endian packed as the state */
    VectorRijndael256(int rounds, int[] roundKeys) {
        this(rounds, roundKeys, 4);
    }

    /** @param group vectors of two blocks taken through the rounds together (1, 2, 4 or 8), for the experiment */
    VectorRijndael256(int rounds, int[] roundKeys, int group) {
        if (group != 1 && group != 2 && group != 4 && group != 8 && group != IN_MEMORY) {
            throw new IllegalArgumentException("group must be 1, 2, 4, 8 or IN_MEMORY, got " + group);
        }
        this.group = group;
        if (rounds < 1) {
            throw new IllegalArgumentException("Rijndael-256 needs at least one round, got " + rounds);
        }
        if (roundKeys.length != 8 * (rounds + 1)) {
            throw new IllegalArgumentException(
                    "need " + 8 * (rounds + 1) + " round-key words, got " + roundKeys.length);
        }
        this.rounds = rounds;
        this.rk = new byte[64 * (rounds + 1)];
        for (int k = 0; k <= rounds; k++) {
            for (int c = 0; c < 8; c++) {
                int w = roundKeys[8 * k + c];
                for (int b = 0; b < 4; b++) {
                    rk[64 * k + 4 * c + b] = (byte) (w >>> (8 * b));
                    rk[64 * k + 32 + 4 * c + b] = (byte) (w >>> (8 * b));
                }
            }
        }
    }

    private VectorRijndael256(VectorRijndael256 other) {
        this.rounds = other.rounds;
        this.group = other.group;
        this.rk = other.rk.clone();
    }

    @Override
    public void encrypt(int[] block) {
        long[] b = single;
        for (int j = 0; j < 4; j++) {
            b[j] = Integer.toUnsignedLong(block[2 * j]) | ((long) block[2 * j + 1] << 32);
        }
        encrypt(b, 0, 1);
        for (int j = 0; j < 4; j++) {
            block[2 * j] = (int) b[j];
            block[2 * j + 1] = (int) (b[j] >>> 32);
        }
        Arrays.fill(b, 0L);
    }

    @Override
    public void encrypt(long[] blocks, int offset, int count) {
        Objects.checkFromIndexSize(offset, 4 * count, blocks.length);
        int p = offset;
        int end = offset + 4 * count;
        if (group == IN_MEMORY) {
            encryptInMemory(blocks, offset, count);
            return;
        }
        if (group == 8) {
            for (; p + 8 * LANES_L <= end; p += 8 * LANES_L) {
                encrypt8(blocks, p);
            }
        }
        if (group >= 4) {
            for (; p + 4 * LANES_L <= end; p += 4 * LANES_L) {
                encrypt4(blocks, p);
            }
        }
        if (group >= 2) {
            for (; p + 2 * LANES_L <= end; p += 2 * LANES_L) {
                encrypt2(blocks, p);
            }
        }
        for (; p + LANES_L <= end; p += LANES_L) {
            encrypt1(blocks, p);
        }
        if (p < end) {
            long[] b = pad;
            System.arraycopy(blocks, p, b, 0, 4);
            Arrays.fill(b, 4, LANES_L, 0L);
            encrypt1(b, 0);
            System.arraycopy(b, 0, blocks, p, 4);
            Arrays.fill(b, 0L);
        }
    }

    /*
     * The round code is written out once per vector (group 4 = four copies) instead of calling helper
     * methods for SubBytes and MixColumns. Each Vector API call inlines into hundreds of C2 IR nodes (the
     * operations are @ForceInline and exempt from inlining limits), so after a round or two on one vector a
     * compilation passes C2's NodeCountInliningCutoff (18000, not settable in a product JVM) and any further
     * call to a helper of ours stays a real call, which boxes every vector it passes: measured 2-4x slower.
     * For the same reason the final round (no MixColumns) runs inside the loop behind a branch. The bodies
     * are generated (a small script; same text per vector with the index changed).
     */

    /** 16 blocks (8 vectors) at blocks[p .. p + 64). */
    private void encrypt8(long[] blocks, int p) {
        final byte[] rk = this.rk;
        final int rounds = this.rounds;
        ByteVector k = ByteVector.fromArray(B, rk, 0);
        ByteVector x0 = LongVector.fromArray(L, blocks, p).reinterpretAsBytes().lanewise(XOR, k);
        ByteVector x1 = LongVector.fromArray(L, blocks, p + 8).reinterpretAsBytes().lanewise(XOR, k);
        ByteVector x2 = LongVector.fromArray(L, blocks, p + 16).reinterpretAsBytes().lanewise(XOR, k);
        ByteVector x3 = LongVector.fromArray(L, blocks, p + 24).reinterpretAsBytes().lanewise(XOR, k);
        ByteVector x4 = LongVector.fromArray(L, blocks, p + 32).reinterpretAsBytes().lanewise(XOR, k);
        ByteVector x5 = LongVector.fromArray(L, blocks, p + 40).reinterpretAsBytes().lanewise(XOR, k);
        ByteVector x6 = LongVector.fromArray(L, blocks, p + 48).reinterpretAsBytes().lanewise(XOR, k);
        ByteVector x7 = LongVector.fromArray(L, blocks, p + 56).reinterpretAsBytes().lanewise(XOR, k);
        for (int r = 1; r <= rounds; r++) {
            k = ByteVector.fromArray(B, rk, 64 * r);
            // SubBytes(ShiftRows(x0))
            ByteVector a0 = x0.rearrange(SHIFT_ROWS);
            VectorShuffle<Byte> i0 = a0.and((byte) 0x3f).toShuffle();
            VectorMask<Byte> h0 = a0.and((byte) 0x40).compare(NE, (byte) 0);
            ByteVector s0 = SQ0.rearrange(i0).blend(SQ1.rearrange(i0), h0)
                    .blend(SQ2.rearrange(i0).blend(SQ3.rearrange(i0), h0), a0.compare(LT, (byte) 0));
            // SubBytes(ShiftRows(x1))
            ByteVector a1 = x1.rearrange(SHIFT_ROWS);
            VectorShuffle<Byte> i1 = a1.and((byte) 0x3f).toShuffle();
            VectorMask<Byte> h1 = a1.and((byte) 0x40).compare(NE, (byte) 0);
            ByteVector s1 = SQ0.rearrange(i1).blend(SQ1.rearrange(i1), h1)
                    .blend(SQ2.rearrange(i1).blend(SQ3.rearrange(i1), h1), a1.compare(LT, (byte) 0));
            // SubBytes(ShiftRows(x2))
            ByteVector a2 = x2.rearrange(SHIFT_ROWS);
            VectorShuffle<Byte> i2 = a2.and((byte) 0x3f).toShuffle();
            VectorMask<Byte> h2 = a2.and((byte) 0x40).compare(NE, (byte) 0);
            ByteVector s2 = SQ0.rearrange(i2).blend(SQ1.rearrange(i2), h2)
                    .blend(SQ2.rearrange(i2).blend(SQ3.rearrange(i2), h2), a2.compare(LT, (byte) 0));
            // SubBytes(ShiftRows(x3))
            ByteVector a3 = x3.rearrange(SHIFT_ROWS);
            VectorShuffle<Byte> i3 = a3.and((byte) 0x3f).toShuffle();
            VectorMask<Byte> h3 = a3.and((byte) 0x40).compare(NE, (byte) 0);
            ByteVector s3 = SQ0.rearrange(i3).blend(SQ1.rearrange(i3), h3)
                    .blend(SQ2.rearrange(i3).blend(SQ3.rearrange(i3), h3), a3.compare(LT, (byte) 0));
            // SubBytes(ShiftRows(x4))
            ByteVector a4 = x4.rearrange(SHIFT_ROWS);
            VectorShuffle<Byte> i4 = a4.and((byte) 0x3f).toShuffle();
            VectorMask<Byte> h4 = a4.and((byte) 0x40).compare(NE, (byte) 0);
            ByteVector s4 = SQ0.rearrange(i4).blend(SQ1.rearrange(i4), h4)
                    .blend(SQ2.rearrange(i4).blend(SQ3.rearrange(i4), h4), a4.compare(LT, (byte) 0));
            // SubBytes(ShiftRows(x5))
            ByteVector a5 = x5.rearrange(SHIFT_ROWS);
            VectorShuffle<Byte> i5 = a5.and((byte) 0x3f).toShuffle();
            VectorMask<Byte> h5 = a5.and((byte) 0x40).compare(NE, (byte) 0);
            ByteVector s5 = SQ0.rearrange(i5).blend(SQ1.rearrange(i5), h5)
                    .blend(SQ2.rearrange(i5).blend(SQ3.rearrange(i5), h5), a5.compare(LT, (byte) 0));
            // SubBytes(ShiftRows(x6))
            ByteVector a6 = x6.rearrange(SHIFT_ROWS);
            VectorShuffle<Byte> i6 = a6.and((byte) 0x3f).toShuffle();
            VectorMask<Byte> h6 = a6.and((byte) 0x40).compare(NE, (byte) 0);
            ByteVector s6 = SQ0.rearrange(i6).blend(SQ1.rearrange(i6), h6)
                    .blend(SQ2.rearrange(i6).blend(SQ3.rearrange(i6), h6), a6.compare(LT, (byte) 0));
            // SubBytes(ShiftRows(x7))
            ByteVector a7 = x7.rearrange(SHIFT_ROWS);
            VectorShuffle<Byte> i7 = a7.and((byte) 0x3f).toShuffle();
            VectorMask<Byte> h7 = a7.and((byte) 0x40).compare(NE, (byte) 0);
            ByteVector s7 = SQ0.rearrange(i7).blend(SQ1.rearrange(i7), h7)
                    .blend(SQ2.rearrange(i7).blend(SQ3.rearrange(i7), h7), a7.compare(LT, (byte) 0));
            if (r != rounds) {
                // MixColumns: 2t ^ rot1(s) ^ rot2(t), t = s ^ rot1(s)
                ByteVector u0 = s0.reinterpretAsInts().lanewise(ROR, 8).reinterpretAsBytes();
                ByteVector t0 = s0.lanewise(XOR, u0);
                s0 = t0.add(t0).lanewise(XOR, (byte) 0x1b, t0.compare(LT, (byte) 0)).lanewise(XOR, u0)
                        .lanewise(XOR, t0.reinterpretAsInts().lanewise(ROR, 16).reinterpretAsBytes());
                // MixColumns: 2t ^ rot1(s) ^ rot2(t), t = s ^ rot1(s)
                ByteVector u1 = s1.reinterpretAsInts().lanewise(ROR, 8).reinterpretAsBytes();
                ByteVector t1 = s1.lanewise(XOR, u1);
                s1 = t1.add(t1).lanewise(XOR, (byte) 0x1b, t1.compare(LT, (byte) 0)).lanewise(XOR, u1)
                        .lanewise(XOR, t1.reinterpretAsInts().lanewise(ROR, 16).reinterpretAsBytes());
                // MixColumns: 2t ^ rot1(s) ^ rot2(t), t = s ^ rot1(s)
                ByteVector u2 = s2.reinterpretAsInts().lanewise(ROR, 8).reinterpretAsBytes();
                ByteVector t2 = s2.lanewise(XOR, u2);
                s2 = t2.add(t2).lanewise(XOR, (byte) 0x1b, t2.compare(LT, (byte) 0)).lanewise(XOR, u2)
                        .lanewise(XOR, t2.reinterpretAsInts().lanewise(ROR, 16).reinterpretAsBytes());
                // MixColumns: 2t ^ rot1(s) ^ rot2(t), t = s ^ rot1(s)
                ByteVector u3 = s3.reinterpretAsInts().lanewise(ROR, 8).reinterpretAsBytes();
                ByteVector t3 = s3.lanewise(XOR, u3);
                s3 = t3.add(t3).lanewise(XOR, (byte) 0x1b, t3.compare(LT, (byte) 0)).lanewise(XOR, u3)
                        .lanewise(XOR, t3.reinterpretAsInts().lanewise(ROR, 16).reinterpretAsBytes());
                // MixColumns: 2t ^ rot1(s) ^ rot2(t), t = s ^ rot1(s)
                ByteVector u4 = s4.reinterpretAsInts().lanewise(ROR, 8).reinterpretAsBytes();
                ByteVector t4 = s4.lanewise(XOR, u4);
                s4 = t4.add(t4).lanewise(XOR, (byte) 0x1b, t4.compare(LT, (byte) 0)).lanewise(XOR, u4)
                        .lanewise(XOR, t4.reinterpretAsInts().lanewise(ROR, 16).reinterpretAsBytes());
                // MixColumns: 2t ^ rot1(s) ^ rot2(t), t = s ^ rot1(s)
                ByteVector u5 = s5.reinterpretAsInts().lanewise(ROR, 8).reinterpretAsBytes();
                ByteVector t5 = s5.lanewise(XOR, u5);
                s5 = t5.add(t5).lanewise(XOR, (byte) 0x1b, t5.compare(LT, (byte) 0)).lanewise(XOR, u5)
                        .lanewise(XOR, t5.reinterpretAsInts().lanewise(ROR, 16).reinterpretAsBytes());
                // MixColumns: 2t ^ rot1(s) ^ rot2(t), t = s ^ rot1(s)
                ByteVector u6 = s6.reinterpretAsInts().lanewise(ROR, 8).reinterpretAsBytes();
                ByteVector t6 = s6.lanewise(XOR, u6);
                s6 = t6.add(t6).lanewise(XOR, (byte) 0x1b, t6.compare(LT, (byte) 0)).lanewise(XOR, u6)
                        .lanewise(XOR, t6.reinterpretAsInts().lanewise(ROR, 16).reinterpretAsBytes());
                // MixColumns: 2t ^ rot1(s) ^ rot2(t), t = s ^ rot1(s)
                ByteVector u7 = s7.reinterpretAsInts().lanewise(ROR, 8).reinterpretAsBytes();
                ByteVector t7 = s7.lanewise(XOR, u7);
                s7 = t7.add(t7).lanewise(XOR, (byte) 0x1b, t7.compare(LT, (byte) 0)).lanewise(XOR, u7)
                        .lanewise(XOR, t7.reinterpretAsInts().lanewise(ROR, 16).reinterpretAsBytes());
            }
            x0 = s0.lanewise(XOR, k);
            x1 = s1.lanewise(XOR, k);
            x2 = s2.lanewise(XOR, k);
            x3 = s3.lanewise(XOR, k);
            x4 = s4.lanewise(XOR, k);
            x5 = s5.lanewise(XOR, k);
            x6 = s6.lanewise(XOR, k);
            x7 = s7.lanewise(XOR, k);
        }
        x0.reinterpretAsLongs().intoArray(blocks, p);
        x1.reinterpretAsLongs().intoArray(blocks, p + 8);
        x2.reinterpretAsLongs().intoArray(blocks, p + 16);
        x3.reinterpretAsLongs().intoArray(blocks, p + 24);
        x4.reinterpretAsLongs().intoArray(blocks, p + 32);
        x5.reinterpretAsLongs().intoArray(blocks, p + 40);
        x6.reinterpretAsLongs().intoArray(blocks, p + 48);
        x7.reinterpretAsLongs().intoArray(blocks, p + 56);
    }

    /** 8 blocks (4 vectors) at blocks[p .. p + 32). */
    private void encrypt4(long[] blocks, int p) {
        final byte[] rk = this.rk;
        final int rounds = this.rounds;
        ByteVector k = ByteVector.fromArray(B, rk, 0);
        ByteVector x0 = LongVector.fromArray(L, blocks, p).reinterpretAsBytes().lanewise(XOR, k);
        ByteVector x1 = LongVector.fromArray(L, blocks, p + 8).reinterpretAsBytes().lanewise(XOR, k);
        ByteVector x2 = LongVector.fromArray(L, blocks, p + 16).reinterpretAsBytes().lanewise(XOR, k);
        ByteVector x3 = LongVector.fromArray(L, blocks, p + 24).reinterpretAsBytes().lanewise(XOR, k);
        for (int r = 1; r <= rounds; r++) {
            k = ByteVector.fromArray(B, rk, 64 * r);
            // SubBytes(ShiftRows(x0))
            ByteVector a0 = x0.rearrange(SHIFT_ROWS);
            VectorShuffle<Byte> i0 = a0.and((byte) 0x3f).toShuffle();
            VectorMask<Byte> h0 = a0.and((byte) 0x40).compare(NE, (byte) 0);
            ByteVector s0 = SQ0.rearrange(i0).blend(SQ1.rearrange(i0), h0)
                    .blend(SQ2.rearrange(i0).blend(SQ3.rearrange(i0), h0), a0.compare(LT, (byte) 0));
            // SubBytes(ShiftRows(x1))
            ByteVector a1 = x1.rearrange(SHIFT_ROWS);
            VectorShuffle<Byte> i1 = a1.and((byte) 0x3f).toShuffle();
            VectorMask<Byte> h1 = a1.and((byte) 0x40).compare(NE, (byte) 0);
            ByteVector s1 = SQ0.rearrange(i1).blend(SQ1.rearrange(i1), h1)
                    .blend(SQ2.rearrange(i1).blend(SQ3.rearrange(i1), h1), a1.compare(LT, (byte) 0));
            // SubBytes(ShiftRows(x2))
            ByteVector a2 = x2.rearrange(SHIFT_ROWS);
            VectorShuffle<Byte> i2 = a2.and((byte) 0x3f).toShuffle();
            VectorMask<Byte> h2 = a2.and((byte) 0x40).compare(NE, (byte) 0);
            ByteVector s2 = SQ0.rearrange(i2).blend(SQ1.rearrange(i2), h2)
                    .blend(SQ2.rearrange(i2).blend(SQ3.rearrange(i2), h2), a2.compare(LT, (byte) 0));
            // SubBytes(ShiftRows(x3))
            ByteVector a3 = x3.rearrange(SHIFT_ROWS);
            VectorShuffle<Byte> i3 = a3.and((byte) 0x3f).toShuffle();
            VectorMask<Byte> h3 = a3.and((byte) 0x40).compare(NE, (byte) 0);
            ByteVector s3 = SQ0.rearrange(i3).blend(SQ1.rearrange(i3), h3)
                    .blend(SQ2.rearrange(i3).blend(SQ3.rearrange(i3), h3), a3.compare(LT, (byte) 0));
            if (r != rounds) {
                // MixColumns: 2t ^ rot1(s) ^ rot2(t), t = s ^ rot1(s)
                ByteVector u0 = s0.reinterpretAsInts().lanewise(ROR, 8).reinterpretAsBytes();
                ByteVector t0 = s0.lanewise(XOR, u0);
                s0 = t0.add(t0).lanewise(XOR, (byte) 0x1b, t0.compare(LT, (byte) 0)).lanewise(XOR, u0)
                        .lanewise(XOR, t0.reinterpretAsInts().lanewise(ROR, 16).reinterpretAsBytes());
                // MixColumns: 2t ^ rot1(s) ^ rot2(t), t = s ^ rot1(s)
                ByteVector u1 = s1.reinterpretAsInts().lanewise(ROR, 8).reinterpretAsBytes();
                ByteVector t1 = s1.lanewise(XOR, u1);
                s1 = t1.add(t1).lanewise(XOR, (byte) 0x1b, t1.compare(LT, (byte) 0)).lanewise(XOR, u1)
                        .lanewise(XOR, t1.reinterpretAsInts().lanewise(ROR, 16).reinterpretAsBytes());
                // MixColumns: 2t ^ rot1(s) ^ rot2(t), t = s ^ rot1(s)
                ByteVector u2 = s2.reinterpretAsInts().lanewise(ROR, 8).reinterpretAsBytes();
                ByteVector t2 = s2.lanewise(XOR, u2);
                s2 = t2.add(t2).lanewise(XOR, (byte) 0x1b, t2.compare(LT, (byte) 0)).lanewise(XOR, u2)
                        .lanewise(XOR, t2.reinterpretAsInts().lanewise(ROR, 16).reinterpretAsBytes());
                // MixColumns: 2t ^ rot1(s) ^ rot2(t), t = s ^ rot1(s)
                ByteVector u3 = s3.reinterpretAsInts().lanewise(ROR, 8).reinterpretAsBytes();
                ByteVector t3 = s3.lanewise(XOR, u3);
                s3 = t3.add(t3).lanewise(XOR, (byte) 0x1b, t3.compare(LT, (byte) 0)).lanewise(XOR, u3)
                        .lanewise(XOR, t3.reinterpretAsInts().lanewise(ROR, 16).reinterpretAsBytes());
            }
            x0 = s0.lanewise(XOR, k);
            x1 = s1.lanewise(XOR, k);
            x2 = s2.lanewise(XOR, k);
            x3 = s3.lanewise(XOR, k);
        }
        x0.reinterpretAsLongs().intoArray(blocks, p);
        x1.reinterpretAsLongs().intoArray(blocks, p + 8);
        x2.reinterpretAsLongs().intoArray(blocks, p + 16);
        x3.reinterpretAsLongs().intoArray(blocks, p + 24);
    }

    /** 4 blocks (2 vectors) at blocks[p .. p + 16). */
    private void encrypt2(long[] blocks, int p) {
        final byte[] rk = this.rk;
        final int rounds = this.rounds;
        ByteVector k = ByteVector.fromArray(B, rk, 0);
        ByteVector x0 = LongVector.fromArray(L, blocks, p).reinterpretAsBytes().lanewise(XOR, k);
        ByteVector x1 = LongVector.fromArray(L, blocks, p + 8).reinterpretAsBytes().lanewise(XOR, k);
        for (int r = 1; r <= rounds; r++) {
            k = ByteVector.fromArray(B, rk, 64 * r);
            // SubBytes(ShiftRows(x0))
            ByteVector a0 = x0.rearrange(SHIFT_ROWS);
            VectorShuffle<Byte> i0 = a0.and((byte) 0x3f).toShuffle();
            VectorMask<Byte> h0 = a0.and((byte) 0x40).compare(NE, (byte) 0);
            ByteVector s0 = SQ0.rearrange(i0).blend(SQ1.rearrange(i0), h0)
                    .blend(SQ2.rearrange(i0).blend(SQ3.rearrange(i0), h0), a0.compare(LT, (byte) 0));
            // SubBytes(ShiftRows(x1))
            ByteVector a1 = x1.rearrange(SHIFT_ROWS);
            VectorShuffle<Byte> i1 = a1.and((byte) 0x3f).toShuffle();
            VectorMask<Byte> h1 = a1.and((byte) 0x40).compare(NE, (byte) 0);
            ByteVector s1 = SQ0.rearrange(i1).blend(SQ1.rearrange(i1), h1)
                    .blend(SQ2.rearrange(i1).blend(SQ3.rearrange(i1), h1), a1.compare(LT, (byte) 0));
            if (r != rounds) {
                // MixColumns: 2t ^ rot1(s) ^ rot2(t), t = s ^ rot1(s)
                ByteVector u0 = s0.reinterpretAsInts().lanewise(ROR, 8).reinterpretAsBytes();
                ByteVector t0 = s0.lanewise(XOR, u0);
                s0 = t0.add(t0).lanewise(XOR, (byte) 0x1b, t0.compare(LT, (byte) 0)).lanewise(XOR, u0)
                        .lanewise(XOR, t0.reinterpretAsInts().lanewise(ROR, 16).reinterpretAsBytes());
                // MixColumns: 2t ^ rot1(s) ^ rot2(t), t = s ^ rot1(s)
                ByteVector u1 = s1.reinterpretAsInts().lanewise(ROR, 8).reinterpretAsBytes();
                ByteVector t1 = s1.lanewise(XOR, u1);
                s1 = t1.add(t1).lanewise(XOR, (byte) 0x1b, t1.compare(LT, (byte) 0)).lanewise(XOR, u1)
                        .lanewise(XOR, t1.reinterpretAsInts().lanewise(ROR, 16).reinterpretAsBytes());
            }
            x0 = s0.lanewise(XOR, k);
            x1 = s1.lanewise(XOR, k);
        }
        x0.reinterpretAsLongs().intoArray(blocks, p);
        x1.reinterpretAsLongs().intoArray(blocks, p + 8);
    }

    /** 2 blocks (1 vector) at blocks[p .. p + 8). */
    private void encrypt1(long[] blocks, int p) {
        final byte[] rk = this.rk;
        final int rounds = this.rounds;
        ByteVector k = ByteVector.fromArray(B, rk, 0);
        ByteVector x0 = LongVector.fromArray(L, blocks, p).reinterpretAsBytes().lanewise(XOR, k);
        for (int r = 1; r <= rounds; r++) {
            k = ByteVector.fromArray(B, rk, 64 * r);
            // SubBytes(ShiftRows(x0))
            ByteVector a0 = x0.rearrange(SHIFT_ROWS);
            VectorShuffle<Byte> i0 = a0.and((byte) 0x3f).toShuffle();
            VectorMask<Byte> h0 = a0.and((byte) 0x40).compare(NE, (byte) 0);
            ByteVector s0 = SQ0.rearrange(i0).blend(SQ1.rearrange(i0), h0)
                    .blend(SQ2.rearrange(i0).blend(SQ3.rearrange(i0), h0), a0.compare(LT, (byte) 0));
            if (r != rounds) {
                // MixColumns: 2t ^ rot1(s) ^ rot2(t), t = s ^ rot1(s)
                ByteVector u0 = s0.reinterpretAsInts().lanewise(ROR, 8).reinterpretAsBytes();
                ByteVector t0 = s0.lanewise(XOR, u0);
                s0 = t0.add(t0).lanewise(XOR, (byte) 0x1b, t0.compare(LT, (byte) 0)).lanewise(XOR, u0)
                        .lanewise(XOR, t0.reinterpretAsInts().lanewise(ROR, 16).reinterpretAsBytes());
            }
            x0 = s0.lanewise(XOR, k);
        }
        x0.reinterpretAsLongs().intoArray(blocks, p);
    }


    /** The {@link #IN_MEMORY} variant: up to eight vectors (16 blocks) at a time, round by round. */
    private void encryptInMemory(long[] blocks, int offset, int count) {
        final byte[] rk = this.rk;
        int p = offset;
        int end = offset + 4 * count;
        int full = p + ((end - p) & ~(LANES_L - 1));
        while (p < full) {
            int chunkEnd = Math.min(full, p + 8 * LANES_L);
            for (int q = p; q < chunkEnd; q += LANES_L) {
                LongVector.fromArray(L, blocks, q).reinterpretAsBytes().lanewise(XOR, ByteVector.fromArray(B, rk, 0))
                        .reinterpretAsLongs().intoArray(blocks, q);
            }
            for (int r = 1; r <= rounds; r++) {
                boolean last = r == rounds;
                int q = p;
                for (; q + 2 * LANES_L <= chunkEnd; q += 2 * LANES_L) {
                    round2(blocks, q, rk, 64 * r, last);
                }
                if (q < chunkEnd) {
                    round(blocks, q, rk, 64 * r, last);
                }
            }
            p = chunkEnd;
        }
        if (p < end) {
            long[] b = pad;
            System.arraycopy(blocks, p, b, 0, 4);
            Arrays.fill(b, 4, LANES_L, 0L);
            encrypt1(b, 0);
            System.arraycopy(b, 0, blocks, p, 4);
            Arrays.fill(b, 0L);
        }
    }

    /** One round (the final one without MixColumns) on the vector at blocks[p .. p + 8), in place. */
    private static void round(long[] blocks, int p, byte[] rk, int keyOffset, boolean last) {
        ByteVector a = LongVector.fromArray(L, blocks, p).reinterpretAsBytes().rearrange(SHIFT_ROWS);
        VectorShuffle<Byte> i = a.and((byte) 0x3f).toShuffle();
        VectorMask<Byte> h = a.and((byte) 0x40).compare(NE, (byte) 0);
        ByteVector s = SQ0.rearrange(i).blend(SQ1.rearrange(i), h)
                .blend(SQ2.rearrange(i).blend(SQ3.rearrange(i), h), a.compare(LT, (byte) 0));
        if (!last) {
            ByteVector u = s.reinterpretAsInts().lanewise(ROR, 8).reinterpretAsBytes();
            ByteVector t = s.lanewise(XOR, u);
            s = t.add(t).lanewise(XOR, (byte) 0x1b, t.compare(LT, (byte) 0)).lanewise(XOR, u)
                    .lanewise(XOR, t.reinterpretAsInts().lanewise(ROR, 16).reinterpretAsBytes());
        }
        s.lanewise(XOR, ByteVector.fromArray(B, rk, keyOffset)).reinterpretAsLongs().intoArray(blocks, p);
    }

    /**
     * {@link #round} on the two vectors at blocks[p .. p + 16). Two vectors also keep it above C2's
     * FreqInlineSize (325 bytecodes): inlined into {@link #encryptInMemory}, the one-vector round measured
     * 5-10x slower than called.
     */
    private static void round2(long[] blocks, int p, byte[] rk, int keyOffset, boolean last) {
        ByteVector a0 = LongVector.fromArray(L, blocks, p).reinterpretAsBytes().rearrange(SHIFT_ROWS);
        ByteVector a1 = LongVector.fromArray(L, blocks, p + 8).reinterpretAsBytes().rearrange(SHIFT_ROWS);
        VectorShuffle<Byte> i0 = a0.and((byte) 0x3f).toShuffle();
        VectorShuffle<Byte> i1 = a1.and((byte) 0x3f).toShuffle();
        VectorMask<Byte> h0 = a0.and((byte) 0x40).compare(NE, (byte) 0);
        VectorMask<Byte> h1 = a1.and((byte) 0x40).compare(NE, (byte) 0);
        ByteVector s0 = SQ0.rearrange(i0).blend(SQ1.rearrange(i0), h0)
                .blend(SQ2.rearrange(i0).blend(SQ3.rearrange(i0), h0), a0.compare(LT, (byte) 0));
        ByteVector s1 = SQ0.rearrange(i1).blend(SQ1.rearrange(i1), h1)
                .blend(SQ2.rearrange(i1).blend(SQ3.rearrange(i1), h1), a1.compare(LT, (byte) 0));
        if (!last) {
            ByteVector u0 = s0.reinterpretAsInts().lanewise(ROR, 8).reinterpretAsBytes();
            ByteVector u1 = s1.reinterpretAsInts().lanewise(ROR, 8).reinterpretAsBytes();
            ByteVector t0 = s0.lanewise(XOR, u0);
            ByteVector t1 = s1.lanewise(XOR, u1);
            s0 = t0.add(t0).lanewise(XOR, (byte) 0x1b, t0.compare(LT, (byte) 0)).lanewise(XOR, u0)
                    .lanewise(XOR, t0.reinterpretAsInts().lanewise(ROR, 16).reinterpretAsBytes());
            s1 = t1.add(t1).lanewise(XOR, (byte) 0x1b, t1.compare(LT, (byte) 0)).lanewise(XOR, u1)
                    .lanewise(XOR, t1.reinterpretAsInts().lanewise(ROR, 16).reinterpretAsBytes());
        }
        ByteVector k = ByteVector.fromArray(B, rk, keyOffset);
        s0.lanewise(XOR, k).reinterpretAsLongs().intoArray(blocks, p);
        s1.lanewise(XOR, k).reinterpretAsLongs().intoArray(blocks, p + 8);
    }

    /** Rounds and group, for check failure messages (no key material). */
    String describe() {
        return "rounds " + rounds + ", group " + group;
    }

    @Override
    public Rijndael256 copy() {
        return new VectorRijndael256(this);
    }

    @Override
    public void destroy() {
        Arrays.fill(rk, (byte) 0);
        Arrays.fill(single, 0L);
        Arrays.fill(pad, 0L);
    }
}
