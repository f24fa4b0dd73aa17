package io.pqagent.qsmp.crypto;

import java.util.Arrays;
import java.util.Objects;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
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
 * this path would also be free of the cache-timing exposure of {@link Rijndael256Table}.
 *
 * <p>Four vectors (eight blocks) go through the rounds together so that the out-of-order core can overlap
 * their dependency chains; the remainder goes one vector at a time, a final odd block padded with zeros.
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
    /** (rounds + 1) round keys of 64 bytes: the 32-byte key twice, one per block in a vector. */
    private final byte[] rk;
    private final long[] single = new long[4];
    /** A last odd block padded with zeros to a full vector. */
    private final long[] pad = new long[LANES_L];

    /** @param roundKeys (rounds + 1) x 8 columns, little-endian packed as the state */
    VectorRijndael256(int rounds, int[] roundKeys) {
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
        for (; p + 4 * LANES_L <= end; p += 4 * LANES_L) {
            encrypt4(blocks, p);
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

    /** Eight blocks (four vectors) at blocks[p .. p + 32). */
    private void encrypt4(long[] blocks, int p) {
        final byte[] rk = this.rk;
        ByteVector k = ByteVector.fromArray(B, rk, 0);
        ByteVector x0 = LongVector.fromArray(L, blocks, p).reinterpretAsBytes().lanewise(VectorOperators.XOR, k);
        ByteVector x1 = LongVector.fromArray(L, blocks, p + 8).reinterpretAsBytes().lanewise(VectorOperators.XOR, k);
        ByteVector x2 = LongVector.fromArray(L, blocks, p + 16).reinterpretAsBytes().lanewise(VectorOperators.XOR, k);
        ByteVector x3 = LongVector.fromArray(L, blocks, p + 24).reinterpretAsBytes().lanewise(VectorOperators.XOR, k);
        for (int r = 1; r < rounds; r++) {
            k = ByteVector.fromArray(B, rk, 64 * r);
            x0 = mixColumns(subBytes(x0.rearrange(SHIFT_ROWS))).lanewise(VectorOperators.XOR, k);
            x1 = mixColumns(subBytes(x1.rearrange(SHIFT_ROWS))).lanewise(VectorOperators.XOR, k);
            x2 = mixColumns(subBytes(x2.rearrange(SHIFT_ROWS))).lanewise(VectorOperators.XOR, k);
            x3 = mixColumns(subBytes(x3.rearrange(SHIFT_ROWS))).lanewise(VectorOperators.XOR, k);
        }
        k = ByteVector.fromArray(B, rk, 64 * rounds);
        subBytes(x0.rearrange(SHIFT_ROWS)).lanewise(VectorOperators.XOR, k).reinterpretAsLongs().intoArray(blocks, p);
        subBytes(x1.rearrange(SHIFT_ROWS)).lanewise(VectorOperators.XOR, k).reinterpretAsLongs().intoArray(blocks, p + 8);
        subBytes(x2.rearrange(SHIFT_ROWS)).lanewise(VectorOperators.XOR, k).reinterpretAsLongs().intoArray(blocks, p + 16);
        subBytes(x3.rearrange(SHIFT_ROWS)).lanewise(VectorOperators.XOR, k).reinterpretAsLongs().intoArray(blocks, p + 24);
    }

    /** Two blocks (one vector) at blocks[p .. p + 8). */
    private void encrypt1(long[] blocks, int p) {
        final byte[] rk = this.rk;
        ByteVector x = LongVector.fromArray(L, blocks, p).reinterpretAsBytes()
                .lanewise(VectorOperators.XOR, ByteVector.fromArray(B, rk, 0));
        for (int r = 1; r < rounds; r++) {
            x = mixColumns(subBytes(x.rearrange(SHIFT_ROWS)))
                    .lanewise(VectorOperators.XOR, ByteVector.fromArray(B, rk, 64 * r));
        }
        subBytes(x.rearrange(SHIFT_ROWS)).lanewise(VectorOperators.XOR, ByteVector.fromArray(B, rk, 64 * rounds))
                .reinterpretAsLongs().intoArray(blocks, p);
    }

    /** S(x) per byte: four 64-entry lookups on the low six bits, chosen by bits 6 and 7. */
    private static ByteVector subBytes(ByteVector x) {
        VectorShuffle<Byte> low6 = x.and((byte) 0x3f).toShuffle();
        VectorMask<Byte> bit6 = x.and((byte) 0x40).compare(VectorOperators.NE, (byte) 0);
        VectorMask<Byte> bit7 = x.compare(VectorOperators.LT, (byte) 0);
        ByteVector lo = SQ0.rearrange(low6).blend(SQ1.rearrange(low6), bit6);
        ByteVector hi = SQ2.rearrange(low6).blend(SQ3.rearrange(low6), bit6);
        return lo.blend(hi, bit7);
    }

    /** MixColumns on each 32-bit column: 2t ^ rot1(a) ^ rot2(t), t = a ^ rot1(a). */
    private static ByteVector mixColumns(ByteVector a) {
        ByteVector a1 = a.reinterpretAsInts().lanewise(VectorOperators.ROR, 8).reinterpretAsBytes();
        ByteVector t = a.lanewise(VectorOperators.XOR, a1);
        ByteVector t2 = t.reinterpretAsInts().lanewise(VectorOperators.ROR, 16).reinterpretAsBytes();
        ByteVector xt = t.add(t).lanewise(VectorOperators.XOR, (byte) 0x1b, t.compare(VectorOperators.LT, (byte) 0));
        return xt.lanewise(VectorOperators.XOR, a1).lanewise(VectorOperators.XOR, t2);
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
