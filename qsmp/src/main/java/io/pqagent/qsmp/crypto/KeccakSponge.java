package io.pqagent.qsmp.crypto;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A Keccak sponge with an explicit state: 25 lanes, a configurable rate (72 or 136 bytes in QSMP, 168 for
 * ML-DSA's SHAKE128) and round
 * count (24; 12 for QSC's reduced-round KMAC). Whole input blocks are XORed into the lanes straight from
 * the caller's array; only a trailing partial block is buffered, and the buffer is kept because QSC's KMAC
 * finalize reads it back (QSMP-WIRE §5.5). No allocation per block.
 *
 * <p>Squeezing is block-wise, as QSC does it: {@link #permute()} then {@link #extract} of up to one rate.
 */
final class KeccakSponge {
    private static final VarHandle LE_LONG =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final int LANES = 25;

    private final int rate;
    private final int rounds;
    private final long[] state;
    private final byte[] buffer;
    private final byte[] longScratch = new byte[Long.BYTES];
    private int position;

    KeccakSponge(int rate, int rounds) {
        if (rate != 72 && rate != 136 && rate != 168) {
            throw new IllegalArgumentException("unsupported Keccak rate " + rate + " (72, 136 or 168 bytes)");
        }
        if (rounds < 1 || rounds > KeccakF1600.STANDARD_ROUNDS) {
            throw new IllegalArgumentException("Keccak round count must be 1..24, got " + rounds);
        }
        this.rate = rate;
        this.rounds = rounds;
        this.state = new long[LANES];
        this.buffer = new byte[rate];
    }

    private KeccakSponge(KeccakSponge other) {
        this.rate = other.rate;
        this.rounds = other.rounds;
        this.state = other.state.clone();
        this.buffer = other.buffer.clone();
        this.position = other.position;
    }

    int rate() {
        return rate;
    }

    /** Bytes absorbed into the current, not yet permuted block (0 .. rate-1). */
    int position() {
        return position;
    }

    /** The buffered byte at {@code index} of the current partial block (valid for index &lt; position). */
    byte buffered(int index) {
        return buffer[index];
    }

    void absorb(byte[] in, int offset, int length) {
        int off = offset;
        int len = length;
        if (position > 0) {
            int n = Math.min(len, rate - position);
            System.arraycopy(in, off, buffer, position, n);
            position += n;
            off += n;
            len -= n;
            if (position < rate) {
                return;
            }
            xorBlock(buffer, 0);
            permute();
            position = 0;
        }
        while (len >= rate) {
            xorBlock(in, off);
            permute();
            off += rate;
            len -= rate;
        }
        if (len > 0) {
            System.arraycopy(in, off, buffer, 0, len);
            position = len;
        }
    }

    void absorb(byte[] in) {
        absorb(in, 0, in.length);
    }

    /** Absorbs {@code value} as 8 little-endian bytes. */
    void absorbLong(long value) {
        if (position <= rate - Long.BYTES) {
            LE_LONG.set(buffer, position, value);
            position += Long.BYTES;
            if (position == rate) {
                xorBlock(buffer, 0);
                permute();
                position = 0;
            }
            return;
        }
        LE_LONG.set(longScratch, 0, value);
        absorb(longScratch, 0, Long.BYTES);
    }

    /**
     * Ends absorbing: the buffered bytes, then {@code domain} (the SP 800-185 / FIPS 202 domain bits with
     * the first pad bit), zeros, and the final pad bit 0x80 in the last byte of the block. Does not permute.
     */
    void pad(byte domain) {
        Arrays.fill(buffer, position, rate, (byte) 0);
        buffer[position] ^= domain;
        buffer[rate - 1] ^= (byte) 0x80;
        xorBlock(buffer, 0);
        position = 0;
    }

    /** XORs one full block of {@code rate} bytes into the state and permutes (used by QSC's KMAC finalize). */
    void absorbBlockAndPermute(byte[] block) {
        xorBlock(block, 0);
        permute();
        position = 0;
    }

    /** XORs the buffered bytes (zero-padded) into the state and permutes, emptying the buffer. */
    void flushPartialBlock() {
        Arrays.fill(buffer, position, rate, (byte) 0);
        xorBlock(buffer, 0);
        permute();
        position = 0;
    }

    void permute() {
        KeccakF1600.permute(state, rounds);
    }

    /** Copies the first {@code length} (at most one rate) bytes of the state, lanes little-endian. */
    void extract(byte[] out, int offset, int length) {
        extract(0, out, offset, length);
    }

    /** Copies state bytes {@code from .. from + length} (within one rate), lanes little-endian. */
    void extract(int from, byte[] out, int offset, int length) {
        if (from < 0 || length < 0 || from + length > rate) {
            throw new IllegalArgumentException("cannot extract " + length + " bytes at " + from + " from a rate of " + rate);
        }
        int i = 0;
        if ((from & 7) == 0) {
            for (int lane = from >>> 3; i + 8 <= length; i += 8) {
                LE_LONG.set(out, offset + i, state[lane++]);
            }
        }
        for (; i < length; i++) {
            int p = from + i;
            out[offset + i] = (byte) (state[p >>> 3] >>> (8 * (p & 7)));
        }
    }

    KeccakSponge copy() {
        return new KeccakSponge(this);
    }

    void destroy() {
        Arrays.fill(state, 0L);
        Arrays.fill(buffer, (byte) 0);
        Arrays.fill(longScratch, (byte) 0);
        position = 0;
    }

    private void xorBlock(byte[] in, int off) {
        long[] s = state;
        int lanes = rate >>> 3;
        for (int i = 0; i < lanes; i++) {
            s[i] ^= (long) LE_LONG.get(in, off + 8 * i);
        }
    }
}
