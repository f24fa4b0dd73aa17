package io.pqagent.qsmp.crypto.mldsa;

import io.pqagent.qsmp.crypto.KeccakF1600;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * SHAKE128 (G of FIPS 204) and SHAKE256 (H) as an incremental sponge: absorb, then squeeze any number of
 * bytes, whole lanes copied at once. One instance serves one hash at a time; {@link #reset()} reuses it.
 * Lanes are little-endian (FIPS 202 §B.1), the domain bits of SHAKE are 1111 (FIPS 202 §6.2).
 */
final class Shake {
    static final int RATE_128 = 168;
    static final int RATE_256 = 136;
    private static final VarHandle LE_LONG =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final byte SHAKE_DOMAIN = 0x1F;

    private final long[] state = new long[25];
    private final byte[] block;
    private final int rate;
    /** Absorbing: bytes buffered in {@code block}. Squeezing: bytes of the current block already read. */
    private int position;
    private boolean squeezing;

    private Shake(int rate) {
        this.rate = rate;
        this.block = new byte[rate];
    }

    static Shake shake128() {
        return new Shake(RATE_128);
    }

    static Shake shake256() {
        return new Shake(RATE_256);
    }

    int rate() {
        return rate;
    }

    Shake absorb(byte[] in) {
        return absorb(in, 0, in.length);
    }

    Shake absorb(byte[] in, int offset, int length) {
        if (squeezing) {
            throw new IllegalStateException("SHAKE already squeezing");
        }
        int off = offset;
        int len = length;
        if (position > 0) {
            int n = Math.min(len, rate - position);
            System.arraycopy(in, off, block, position, n);
            position += n;
            off += n;
            len -= n;
            if (position < rate) {
                return this;
            }
            xorBlock(block, 0);
            KeccakF1600.permute(state, KeccakF1600.STANDARD_ROUNDS);
            position = 0;
        }
        while (len >= rate) {
            xorBlock(in, off);
            KeccakF1600.permute(state, KeccakF1600.STANDARD_ROUNDS);
            off += rate;
            len -= rate;
        }
        System.arraycopy(in, off, block, 0, len);
        position = len;
        return this;
    }

    /** Absorbs the two bytes of a 16-bit little-endian integer (the nonces of ExpandA and ExpandMask). */
    Shake absorbTwoBytes(int value) {
        byte[] two = {(byte) value, (byte) (value >>> 8)};
        return absorb(two, 0, 2);
    }

    /** Squeezes {@code length} bytes; the first call pads the absorbed input. */
    void squeeze(byte[] out, int offset, int length) {
        if (!squeezing) {
            Arrays.fill(block, position, rate, (byte) 0);
            block[position] ^= SHAKE_DOMAIN;
            block[rate - 1] ^= (byte) 0x80;
            xorBlock(block, 0);
            squeezing = true;
            position = rate;
        }
        int off = offset;
        int len = length;
        while (len > 0) {
            if (position == rate) {
                KeccakF1600.permute(state, KeccakF1600.STANDARD_ROUNDS);
                position = 0;
            }
            int n = Math.min(len, rate - position);
            extract(position, out, off, n);
            position += n;
            off += n;
            len -= n;
        }
    }

    /** Back to an empty absorbing state, wiping what was hashed. */
    void reset() {
        Arrays.fill(state, 0L);
        Arrays.fill(block, (byte) 0);
        position = 0;
        squeezing = false;
    }

    private void extract(int from, byte[] out, int off, int n) {
        int i = 0;
        if ((from & 7) == 0) {
            int lane = from >>> 3;
            for (; i + 8 <= n; i += 8) {
                LE_LONG.set(out, off + i, state[lane++]);
            }
        }
        for (; i < n; i++) {
            int p = from + i;
            out[off + i] = (byte) (state[p >>> 3] >>> ((p & 7) << 3));
        }
    }

    private void xorBlock(byte[] in, int off) {
        for (int i = 0; i < rate >>> 3; i++) {
            state[i] ^= (long) LE_LONG.get(in, off + 8 * i);
        }
    }
}
