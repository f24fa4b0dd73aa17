package io.pqagent.qsmp.crypto;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;

/**
 * The default, fast Rijndael-256 path: eight precomputed round tables of 256 longs (S-box and MixColumns
 * combined), no allocation per block.
 *
 * <p>Layout: the state is four longs, long j holding column 2j in its low and column 2j+1 in its high 32 bits
 * (the 32 block bytes read little-endian). Each row's table exists twice, once with the column contribution
 * in the low half of a long and once in the high half, so an output long is eight table entries XORed
 * together, and a round is 32 table loads and four round-key loads. Between rounds the four longs are stored
 * to a 32-byte array and the table indices are read back as single bytes: with HotSpot C2 that is faster than
 * extracting them from registers by shift and mask (C2 spends about four instructions per extracted byte and
 * runs out of registers; 5-10% slower in {@code AbProbe}, as were mixes of the two and 16/32-bit reads).
 * Rounds run in pairs per loop iteration. All blocks go through one loop method ({@code finish}) so that C2
 * compiles it once with the registers to itself; copies inlined into each caller measured slower.
 *
 * <p>CTR mode ({@link #encryptCounters}) also reuses work across counters: successive counter blocks differ
 * only in byte 0 for runs of up to 256 blocks, so round 1 changes in one table lookup and round 2 in four;
 * the rest of both rounds is computed once per run and kept (as key-dependent secret state, wiped by
 * {@link #destroy}).
 *
 * <p><b>Cache-timing exposure:</b> table indices are state bytes, i.e. depend on the key and the counter.
 * An attacker who shares the CPU cache with this process (another process or VM on the same core, SMT
 * sibling) can in principle learn key material from which table lines are touched (Bernstein 2005, Osvik,
 * Shamir and Tromer 2006). The counter is public in CTR mode, which helps such an attack. Use
 * {@link BlockPath#CONSTANT_TIME} where co-resident untrusted code is a concern.
 */
final class Rijndael256Table implements Rijndael256 {
    private static final VarHandle LE_LONG =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    /**
     * The eight round tables in one array (one base register for all lookups): at offset Lr the table for
     * row r with its column contribution in the low 32 bits of a long, at Hr the same in the high 32 bits.
     */
    private static final long[] T = new long[8 * 256];
    private static final int L0 = 0;
    private static final int L1 = 256;
    private static final int L2 = 2 * 256;
    private static final int L3 = 3 * 256;
    private static final int H0 = 4 * 256;
    private static final int H1 = 5 * 256;
    private static final int H2 = 6 * 256;
    private static final int H3 = 7 * 256;
    private static final long LOW = 0xffffffffL;

    static {
        for (int x = 0; x < 256; x++) {
            int s = AesSbox.substitute(x);
            int s2 = AesSbox.multiply(s, 2);
            int s3 = AesSbox.multiply(s, 3);
            // MixColumns column (2s, s, s, 3s) for the byte entering at row 0; rows 1..3 are rotations.
            int t = s2 | (s << 8) | (s << 16) | (s3 << 24);
            for (int r = 0; r < 4; r++) {
                long tr = Integer.toUnsignedLong(Integer.rotateLeft(t, 8 * r));
                T[256 * r + x] = tr;
                T[256 * (4 + r) + x] = tr << 32;
            }
        }
    }

    private final int rounds;
    /** (rounds + 1) x 4 longs: round-key columns 2j and 2j+1 in long j, as the state. */
    private final long[] rk;
    /** The state between rounds, stored so that each table index is a one-byte load. */
    private final byte[] state = new byte[32];
    private final long[] single = new long[4];
    /**
     * CTR run cache: [0..3] round 1 for the run's counter with byte 0 taken out (one lookup puts it back),
     * [4..7] round 2 with column 0 of its input taken out (four lookups put it back), [8..11] the counter
     * the run belongs to, byte 0 cleared.
     */
    private final long[] run = new long[12];
    private boolean runValid;

    /** @param roundKeys (rounds + 1) x 8 columns, little-endian packed as the state */
    Rijndael256Table(int rounds, int[] roundKeys) {
        if (rounds < 1) {
            throw new IllegalArgumentException("Rijndael-256 needs at least one round, got " + rounds);
        }
        if (roundKeys.length != 8 * (rounds + 1)) {
            throw new IllegalArgumentException(
                    "need " + 8 * (rounds + 1) + " round-key words, got " + roundKeys.length);
        }
        this.rounds = rounds;
        this.rk = new long[4 * (rounds + 1)];
        for (int i = 0; i < rk.length; i++) {
            rk[i] = Integer.toUnsignedLong(roundKeys[2 * i]) | ((long) roundKeys[2 * i + 1] << 32);
        }
    }

    private Rijndael256Table(Rijndael256Table other) {
        this.rounds = other.rounds;
        this.rk = other.rk.clone();
    }

    @Override
    public void encrypt(int[] block) {
        long[] b = single;
        Rijndael256.toLongs(block, b, 0);
        encrypt(b, 0, 1);
        Rijndael256.toColumns(b, 0, block);
        Arrays.fill(b, 0L);
    }

    @Override
    public void encrypt(long[] blocks, int offset, int count) {
        Objects.checkFromIndexSize(offset, 4 * count, blocks.length);
        final long[] rk = this.rk;
        for (int p = offset, end = offset + 4 * count; p < end; p += 4) {
            blocks[p] ^= rk[0];
            blocks[p + 1] ^= rk[1];
            blocks[p + 2] ^= rk[2];
            blocks[p + 3] ^= rk[3];
        }
        finish(blocks, offset, count, 1);
    }

    @Override
    public void encryptCounters(long[] counter, long[] out, int count) {
        Objects.checkFromIndexSize(0, 4 * count, out.length);
        if (rounds < 3) {
            Rijndael256.super.encryptCounters(counter, out, count);
            return;
        }
        final long[] rk = this.rk;
        final long[] c = run;
        for (int p = 0; p < 4 * count; p += 4) {
            long ctr0 = counter[0];
            if (!runValid || (ctr0 & ~0xffL) != c[8] || counter[1] != c[9] || counter[2] != c[10]
                    || counter[3] != c[11]) {
                startRun(ctr0, counter[1], counter[2], counter[3]);
            }
            // round 1: only byte 0 (row 0, column 0) differs within the run; it feeds output column 0
            long u0 = c[0] ^ T[L0 + (((int) ctr0 ^ (int) rk[0]) & 0xff)];
            // round 2: only column 0 of its input differs; row r of it feeds output column 0, 7, 5, 4
            int x = (int) u0;
            long w0 = c[4] ^ T[L0 + (x & 0xff)];
            long w2 = c[6] ^ T[H2 + ((x >>> 16) & 0xff)] ^ T[L3 + (x >>> 24)];
            long w3 = c[7] ^ T[H1 + ((x >>> 8) & 0xff)];
            out[p] = w0;
            out[p + 1] = c[5];
            out[p + 2] = w2;
            out[p + 3] = w3;
            // 256-bit little-endian increment; the counter is public, so branching on it is fine
            if (++counter[0] == 0 && ++counter[1] == 0 && ++counter[2] == 0) {
                counter[3]++;
            }
        }
        finish(out, 0, count, 3);
    }

    /** Precomputes rounds 1 and 2 for the counters that agree with (n0..n3) outside byte 0. */
    private void startRun(long n0, long n1, long n2, long n3) {
        long[] c = run;
        long[] s = single;
        s[0] = (n0 ^ rk[0]) & ~0xffL;
        s[1] = n1 ^ rk[1];
        s[2] = n2 ^ rk[2];
        s[3] = n3 ^ rk[3];
        round(s, 4, c, 0);
        c[0] ^= T[L0];
        s[0] = c[0] & ~LOW;
        s[1] = c[1];
        s[2] = c[2];
        s[3] = c[3];
        round(s, 8, c, 4);
        c[4] ^= T[L0];
        c[6] ^= T[H2] ^ T[L3];
        c[7] ^= T[H1];
        c[8] = n0 & ~0xffL;
        c[9] = n1;
        c[10] = n2;
        c[11] = n3;
        Arrays.fill(s, 0L);
        runValid = true;
    }

    /**
     * Runs rounds {@code from} .. rounds-1 and the final round on {@code count} states in place, each of which
     * has been through the rounds before {@code from} (round keys included). Both entry points share this
     * one loop so that C2 compiles it once, with the registers to itself.
     */
    private void finish(long[] s, int offset, int count, int from) {
        final long[] rk = this.rk;
        final byte[] m = state;
        final int last = 4 * rounds;
        for (int p = offset, end = offset + 4 * count; p < end; p += 4) {
            long w0 = s[p];
            long w1 = s[p + 1];
            long w2 = s[p + 2];
            long w3 = s[p + 3];
            // rounds in pairs (w -> n -> w), then one more if the count is odd (it is for 22 and 30 rounds)
            int k = 4 * from;
            for (; k + 4 < last; k += 8) {
                LE_LONG.set(m, 0, w0);
                LE_LONG.set(m, 8, w1);
                LE_LONG.set(m, 16, w2);
                LE_LONG.set(m, 24, w3);
                long n0 = T[L0 + (m[0] & 0xff)] ^ T[L1 + (m[5] & 0xff)] ^ T[L2 + (m[14] & 0xff)]
                        ^ T[L3 + (m[19] & 0xff)] ^ T[H0 + (m[4] & 0xff)] ^ T[H1 + (m[9] & 0xff)]
                        ^ T[H2 + (m[18] & 0xff)] ^ T[H3 + (m[23] & 0xff)] ^ rk[k + 0];
                long n1 = T[L0 + (m[8] & 0xff)] ^ T[L1 + (m[13] & 0xff)] ^ T[L2 + (m[22] & 0xff)]
                        ^ T[L3 + (m[27] & 0xff)] ^ T[H0 + (m[12] & 0xff)] ^ T[H1 + (m[17] & 0xff)]
                        ^ T[H2 + (m[26] & 0xff)] ^ T[H3 + (m[31] & 0xff)] ^ rk[k + 1];
                long n2 = T[L0 + (m[16] & 0xff)] ^ T[L1 + (m[21] & 0xff)] ^ T[L2 + (m[30] & 0xff)]
                        ^ T[L3 + (m[3] & 0xff)] ^ T[H0 + (m[20] & 0xff)] ^ T[H1 + (m[25] & 0xff)]
                        ^ T[H2 + (m[2] & 0xff)] ^ T[H3 + (m[7] & 0xff)] ^ rk[k + 2];
                long n3 = T[L0 + (m[24] & 0xff)] ^ T[L1 + (m[29] & 0xff)] ^ T[L2 + (m[6] & 0xff)]
                        ^ T[L3 + (m[11] & 0xff)] ^ T[H0 + (m[28] & 0xff)] ^ T[H1 + (m[1] & 0xff)]
                        ^ T[H2 + (m[10] & 0xff)] ^ T[H3 + (m[15] & 0xff)] ^ rk[k + 3];
                LE_LONG.set(m, 0, n0);
                LE_LONG.set(m, 8, n1);
                LE_LONG.set(m, 16, n2);
                LE_LONG.set(m, 24, n3);
                w0 = T[L0 + (m[0] & 0xff)] ^ T[L1 + (m[5] & 0xff)] ^ T[L2 + (m[14] & 0xff)]
                        ^ T[L3 + (m[19] & 0xff)] ^ T[H0 + (m[4] & 0xff)] ^ T[H1 + (m[9] & 0xff)]
                        ^ T[H2 + (m[18] & 0xff)] ^ T[H3 + (m[23] & 0xff)] ^ rk[k + 4];
                w1 = T[L0 + (m[8] & 0xff)] ^ T[L1 + (m[13] & 0xff)] ^ T[L2 + (m[22] & 0xff)]
                        ^ T[L3 + (m[27] & 0xff)] ^ T[H0 + (m[12] & 0xff)] ^ T[H1 + (m[17] & 0xff)]
                        ^ T[H2 + (m[26] & 0xff)] ^ T[H3 + (m[31] & 0xff)] ^ rk[k + 5];
                w2 = T[L0 + (m[16] & 0xff)] ^ T[L1 + (m[21] & 0xff)] ^ T[L2 + (m[30] & 0xff)]
                        ^ T[L3 + (m[3] & 0xff)] ^ T[H0 + (m[20] & 0xff)] ^ T[H1 + (m[25] & 0xff)]
                        ^ T[H2 + (m[2] & 0xff)] ^ T[H3 + (m[7] & 0xff)] ^ rk[k + 6];
                w3 = T[L0 + (m[24] & 0xff)] ^ T[L1 + (m[29] & 0xff)] ^ T[L2 + (m[6] & 0xff)]
                        ^ T[L3 + (m[11] & 0xff)] ^ T[H0 + (m[28] & 0xff)] ^ T[H1 + (m[1] & 0xff)]
                        ^ T[H2 + (m[10] & 0xff)] ^ T[H3 + (m[15] & 0xff)] ^ rk[k + 7];
            }
            if (k < last) {
                LE_LONG.set(m, 0, w0);
                LE_LONG.set(m, 8, w1);
                LE_LONG.set(m, 16, w2);
                LE_LONG.set(m, 24, w3);
                long n0 = T[L0 + (m[0] & 0xff)] ^ T[L1 + (m[5] & 0xff)] ^ T[L2 + (m[14] & 0xff)]
                        ^ T[L3 + (m[19] & 0xff)] ^ T[H0 + (m[4] & 0xff)] ^ T[H1 + (m[9] & 0xff)]
                        ^ T[H2 + (m[18] & 0xff)] ^ T[H3 + (m[23] & 0xff)] ^ rk[k + 0];
                long n1 = T[L0 + (m[8] & 0xff)] ^ T[L1 + (m[13] & 0xff)] ^ T[L2 + (m[22] & 0xff)]
                        ^ T[L3 + (m[27] & 0xff)] ^ T[H0 + (m[12] & 0xff)] ^ T[H1 + (m[17] & 0xff)]
                        ^ T[H2 + (m[26] & 0xff)] ^ T[H3 + (m[31] & 0xff)] ^ rk[k + 1];
                long n2 = T[L0 + (m[16] & 0xff)] ^ T[L1 + (m[21] & 0xff)] ^ T[L2 + (m[30] & 0xff)]
                        ^ T[L3 + (m[3] & 0xff)] ^ T[H0 + (m[20] & 0xff)] ^ T[H1 + (m[25] & 0xff)]
                        ^ T[H2 + (m[2] & 0xff)] ^ T[H3 + (m[7] & 0xff)] ^ rk[k + 2];
                long n3 = T[L0 + (m[24] & 0xff)] ^ T[L1 + (m[29] & 0xff)] ^ T[L2 + (m[6] & 0xff)]
                        ^ T[L3 + (m[11] & 0xff)] ^ T[H0 + (m[28] & 0xff)] ^ T[H1 + (m[1] & 0xff)]
                        ^ T[H2 + (m[10] & 0xff)] ^ T[H3 + (m[15] & 0xff)] ^ rk[k + 3];
                w0 = n0;
                w1 = n1;
                w2 = n2;
                w3 = n3;
            }
            // final round: SubBytes and ShiftRows (each S(x) is a byte of a round-table entry), AddRoundKey
            LE_LONG.set(m, 0, w0);
            LE_LONG.set(m, 8, w1);
            LE_LONG.set(m, 16, w2);
            LE_LONG.set(m, 24, w3);
            long f0 = (T[L2 + (m[0] & 0xff)] & 0xffL) | (T[L3 + (m[5] & 0xff)] & 0xff00L)
                    | (T[L0 + (m[14] & 0xff)] & 0xff0000L) | (T[L1 + (m[19] & 0xff)] & 0xff000000L)
                    | (T[H2 + (m[4] & 0xff)] & 0xff00000000L) | (T[H3 + (m[9] & 0xff)] & 0xff0000000000L)
                    | (T[H0 + (m[18] & 0xff)] & 0xff000000000000L) | (T[H1 + (m[23] & 0xff)] & 0xff00000000000000L);
            long f1 = (T[L2 + (m[8] & 0xff)] & 0xffL) | (T[L3 + (m[13] & 0xff)] & 0xff00L)
                    | (T[L0 + (m[22] & 0xff)] & 0xff0000L) | (T[L1 + (m[27] & 0xff)] & 0xff000000L)
                    | (T[H2 + (m[12] & 0xff)] & 0xff00000000L) | (T[H3 + (m[17] & 0xff)] & 0xff0000000000L)
                    | (T[H0 + (m[26] & 0xff)] & 0xff000000000000L) | (T[H1 + (m[31] & 0xff)] & 0xff00000000000000L);
            long f2 = (T[L2 + (m[16] & 0xff)] & 0xffL) | (T[L3 + (m[21] & 0xff)] & 0xff00L)
                    | (T[L0 + (m[30] & 0xff)] & 0xff0000L) | (T[L1 + (m[3] & 0xff)] & 0xff000000L)
                    | (T[H2 + (m[20] & 0xff)] & 0xff00000000L) | (T[H3 + (m[25] & 0xff)] & 0xff0000000000L)
                    | (T[H0 + (m[2] & 0xff)] & 0xff000000000000L) | (T[H1 + (m[7] & 0xff)] & 0xff00000000000000L);
            long f3 = (T[L2 + (m[24] & 0xff)] & 0xffL) | (T[L3 + (m[29] & 0xff)] & 0xff00L)
                    | (T[L0 + (m[6] & 0xff)] & 0xff0000L) | (T[L1 + (m[11] & 0xff)] & 0xff000000L)
                    | (T[H2 + (m[28] & 0xff)] & 0xff00000000L) | (T[H3 + (m[1] & 0xff)] & 0xff0000000000L)
                    | (T[H0 + (m[10] & 0xff)] & 0xff000000000000L) | (T[H1 + (m[15] & 0xff)] & 0xff00000000000000L);
            s[p] = f0 ^ rk[last];
            s[p + 1] = f1 ^ rk[last + 1];
            s[p + 2] = f2 ^ rk[last + 2];
            s[p + 3] = f3 ^ rk[last + 3];
        }
    }

    /** One full round (SubBytes, ShiftRows, MixColumns, AddRoundKey rk[k..k+3]) of in[0..3] into out[o..o+3]. */
    private void round(long[] in, int k, long[] out, int o) {
        final byte[] m = state;
        long w0 = in[0];
        long w1 = in[1];
        long w2 = in[2];
        long w3 = in[3];
        LE_LONG.set(m, 0, w0);
        LE_LONG.set(m, 8, w1);
        LE_LONG.set(m, 16, w2);
        LE_LONG.set(m, 24, w3);
        long n0 = T[L0 + (m[0] & 0xff)] ^ T[L1 + (m[5] & 0xff)] ^ T[L2 + (m[14] & 0xff)] ^ T[L3 + (m[19] & 0xff)]
                ^ T[H0 + (m[4] & 0xff)] ^ T[H1 + (m[9] & 0xff)] ^ T[H2 + (m[18] & 0xff)] ^ T[H3 + (m[23] & 0xff)]
                ^ rk[k + 0];
        long n1 = T[L0 + (m[8] & 0xff)] ^ T[L1 + (m[13] & 0xff)] ^ T[L2 + (m[22] & 0xff)] ^ T[L3 + (m[27] & 0xff)]
                ^ T[H0 + (m[12] & 0xff)] ^ T[H1 + (m[17] & 0xff)] ^ T[H2 + (m[26] & 0xff)] ^ T[H3 + (m[31] & 0xff)]
                ^ rk[k + 1];
        long n2 = T[L0 + (m[16] & 0xff)] ^ T[L1 + (m[21] & 0xff)] ^ T[L2 + (m[30] & 0xff)] ^ T[L3 + (m[3] & 0xff)]
                ^ T[H0 + (m[20] & 0xff)] ^ T[H1 + (m[25] & 0xff)] ^ T[H2 + (m[2] & 0xff)] ^ T[H3 + (m[7] & 0xff)]
                ^ rk[k + 2];
        long n3 = T[L0 + (m[24] & 0xff)] ^ T[L1 + (m[29] & 0xff)] ^ T[L2 + (m[6] & 0xff)] ^ T[L3 + (m[11] & 0xff)]
                ^ T[H0 + (m[28] & 0xff)] ^ T[H1 + (m[1] & 0xff)] ^ T[H2 + (m[10] & 0xff)] ^ T[H3 + (m[15] & 0xff)]
                ^ rk[k + 3];
        out[o] = n0;
        out[o + 1] = n1;
        out[o + 2] = n2;
        out[o + 3] = n3;
        Arrays.fill(m, (byte) 0);
    }

    /** A copy of the round keys in the state layout ((rounds + 1) x 4 longs); the caller wipes it. */
    long[] roundKeyLongs() {
        return rk.clone();
    }

    int rounds() {
        return rounds;
    }

    @Override
    public Rijndael256 copy() {
        return new Rijndael256Table(this);
    }

    @Override
    public void destroy() {
        Arrays.fill(rk, 0L);
        Arrays.fill(state, (byte) 0);
        Arrays.fill(single, 0L);
        Arrays.fill(run, 0L);
        runValid = false;
    }
}
