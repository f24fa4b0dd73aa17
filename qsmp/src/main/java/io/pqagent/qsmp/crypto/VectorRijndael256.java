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
 * Rijndael-256 on the JDK's incubating Vector API, two 32-byte blocks per 512-bit vector; about 3.5 times
 * the table path with AVX-512 VBMI once C2 has compiled it, and hundreds of times slower before that or
 * without VBMI. Only {@link VectorRoundsGate} decides when it is used; nothing else may load this class,
 * which needs {@code --add-modules jdk.incubator.vector}.
 *
 * <p>A round on one vector: ShiftRows is one constant byte permutation; SubBytes is a 256-entry lookup made
 * of four 64-entry in-register lookups ({@code rearrange}, vpermb) blended by bits 6 and 7 of the index;
 * MixColumns uses out = 2t ^ rot1(s) ^ rot2(t) with t = s ^ rot1(s), where rotk brings row r+k of a column to
 * row r (a 32-bit lane rotate right by 8k, columns being little-endian) and 2t is xtime on bytes;
 * AddRoundKey xors a vector holding the round key twice. Once compiled, no load has a secret-dependent
 * address, unlike the table path (not verified against the generated code).
 *
 * <p>The state stays in the caller's array between rounds and one round on two vectors is its own small
 * method: each Vector API call inlines into hundreds of C2 nodes, so a method holding several rounds passes
 * C2's inlining node budget and turns later vector calls into real calls that box every vector (2-4x
 * slower), and is too big for C1, which left such methods in interpreted code for minutes after a cold
 * start (VectorRijndaelColdStart in microbench). Two vectors per method also keep it above C2's
 * FreqInlineSize, so it stays a call of its own (inlined into the loop it measured 5-10x slower).
 */
final class VectorRijndael256 implements Rijndael256 {
    private static final VectorSpecies<Byte> B = ByteVector.SPECIES_512;
    private static final VectorSpecies<Long> L = LongVector.SPECIES_512;
    /** Longs per vector: two blocks of four. */
    private static final int LANES = 8;
    /** Vectors taken through one round before the next round starts: 16 blocks, RCS's CTR batch. */
    private static final int CHUNK = 8 * LANES;
    /** S-box quarters: SQk[i] = S(64k + i). */
    private static final ByteVector SQ0;
    private static final ByteVector SQ1;
    private static final ByteVector SQ2;
    private static final ByteVector SQ3;
    private static final VectorShuffle<Byte> SHIFT_ROWS;

    static {
        byte[][] q = new byte[4][64];
        for (int x = 0; x < 256; x++) {
            q[x >>> 6][x & 63] = (byte) AesSbox.substitute(x);
        }
        SQ0 = ByteVector.fromArray(B, q[0], 0);
        SQ1 = ByteVector.fromArray(B, q[1], 0);
        SQ2 = ByteVector.fromArray(B, q[2], 0);
        SQ3 = ByteVector.fromArray(B, q[3], 0);
        int[] shift = {0, 1, 3, 4};
        int[] sr = new int[64];
        for (int i = 0; i < 64; i++) {
            int column = (i & 31) >>> 2;
            int row = i & 3;
            sr[i] = (i & ~31) + 4 * ((column + shift[row]) & 7) + row;
        }
        SHIFT_ROWS = VectorShuffle.fromArray(B, sr, 0);
    }

    private final int rounds;
    /** (rounds + 1) round keys of 64 bytes: the 32-byte key twice, once per block of a vector. */
    private final byte[] rk;
    /** Blocks that do not fill the last vector pair, padded with zeros; also the single-block entry. */
    private final long[] tail = new long[2 * LANES];

    /** Whether this JVM runs 512-bit byte vectors natively (it may still lack VBMI; the gate measures). */
    static boolean wideVectorsPreferred() {
        return ByteVector.SPECIES_PREFERRED.vectorBitSize() >= 512;
    }

    /** @param roundKeys (rounds + 1) x 4 longs in {@link Rijndael256Table}'s state layout (little-endian bytes) */
    VectorRijndael256(int rounds, long[] roundKeys) {
        if (rounds < 1) {
            throw new IllegalArgumentException("Rijndael-256 needs at least one round, got " + rounds);
        }
        if (roundKeys.length != 4 * (rounds + 1)) {
            throw new IllegalArgumentException("need " + 4 * (rounds + 1) + " round-key longs, got " + roundKeys.length);
        }
        this.rounds = rounds;
        this.rk = new byte[64 * (rounds + 1)];
        for (int k = 0; k <= rounds; k++) {
            for (int j = 0; j < 4; j++) {
                long w = roundKeys[4 * k + j];
                for (int b = 0; b < 8; b++) {
                    rk[64 * k + 8 * j + b] = (byte) (w >>> (8 * b));
                    rk[64 * k + 32 + 8 * j + b] = (byte) (w >>> (8 * b));
                }
            }
        }
    }

    private VectorRijndael256(VectorRijndael256 other) {
        this.rounds = other.rounds;
        this.rk = other.rk.clone();
    }

    @Override
    public void encrypt(int[] block) {
        long[] b = tail;
        Rijndael256.toLongs(block, b, 0);
        Arrays.fill(b, 4, b.length, 0L);
        encryptVectors(b, 0, 2 * LANES);
        Rijndael256.toColumns(b, 0, block);
        Arrays.fill(b, 0L);
    }

    @Override
    public void encrypt(long[] blocks, int offset, int count) {
        Objects.checkFromIndexSize(offset, 4 * count, blocks.length);
        int end = offset + 4 * count;
        int full = offset + ((end - offset) & -(2 * LANES));
        for (int p = offset; p < full; p += CHUNK) {
            encryptVectors(blocks, p, Math.min(CHUNK, full - p));
        }
        if (full < end) {
            long[] b = tail;
            System.arraycopy(blocks, full, b, 0, end - full);
            Arrays.fill(b, end - full, b.length, 0L);
            encryptVectors(b, 0, 2 * LANES);
            System.arraycopy(b, 0, blocks, full, end - full);
            Arrays.fill(b, 0L);
        }
    }

    /** All rounds on blocks[p .. p + longs), longs a multiple of two vectors; round by round over the chunk. */
    private void encryptVectors(long[] blocks, int p, int longs) {
        final byte[] rk = this.rk;
        ByteVector k0 = ByteVector.fromArray(B, rk, 0);
        for (int q = p; q < p + longs; q += LANES) {
            LongVector.fromArray(L, blocks, q).reinterpretAsBytes().lanewise(XOR, k0)
                    .reinterpretAsLongs().intoArray(blocks, q);
        }
        for (int r = 1; r <= rounds; r++) {
            boolean last = r == rounds;
            for (int q = p; q < p + longs; q += 2 * LANES) {
                round2(blocks, q, rk, 64 * r, last);
            }
        }
    }

    /**
     * One round (the final one without MixColumns) on the two vectors at blocks[p .. p + 16), in place.
     * Written out for both vectors rather than calling SubBytes and MixColumns helpers: those stayed calls
     * that box their vectors and measured several times slower.
     */
    private static void round2(long[] blocks, int p, byte[] rk, int keyOffset, boolean last) {
        ByteVector a0 = LongVector.fromArray(L, blocks, p).reinterpretAsBytes().rearrange(SHIFT_ROWS);
        ByteVector a1 = LongVector.fromArray(L, blocks, p + LANES).reinterpretAsBytes().rearrange(SHIFT_ROWS);
        // SubBytes: four 64-entry lookups on the low six bits, chosen by bits 6 and 7
        VectorShuffle<Byte> i0 = a0.and((byte) 0x3f).toShuffle();
        VectorShuffle<Byte> i1 = a1.and((byte) 0x3f).toShuffle();
        VectorMask<Byte> h0 = a0.and((byte) 0x40).compare(NE, (byte) 0);
        VectorMask<Byte> h1 = a1.and((byte) 0x40).compare(NE, (byte) 0);
        ByteVector s0 = SQ0.rearrange(i0).blend(SQ1.rearrange(i0), h0)
                .blend(SQ2.rearrange(i0).blend(SQ3.rearrange(i0), h0), a0.compare(LT, (byte) 0));
        ByteVector s1 = SQ0.rearrange(i1).blend(SQ1.rearrange(i1), h1)
                .blend(SQ2.rearrange(i1).blend(SQ3.rearrange(i1), h1), a1.compare(LT, (byte) 0));
        if (!last) {
            // MixColumns: 2t ^ rot1(s) ^ rot2(t) with t = s ^ rot1(s)
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
        s1.lanewise(XOR, k).reinterpretAsLongs().intoArray(blocks, p + LANES);
    }

    @Override
    public Rijndael256 copy() {
        return new VectorRijndael256(this);
    }

    @Override
    public void destroy() {
        Arrays.fill(rk, (byte) 0);
        Arrays.fill(tail, 0L);
    }
}
