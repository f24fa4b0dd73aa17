package io.pqagent.qsmp.crypto;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * RCS CTR mode (QSMP-WIRE §5.4): keystream block = Rijndael-256(counter block); after every block, a final
 * partial one included, the 32-byte counter is incremented as a 256-bit little-endian integer. The counter
 * persists across messages. Held as four 64-bit limbs; up to 16 counter blocks go to the block cipher per
 * call ({@link Rijndael256#encryptCounters}, which also increments), and the keystream is XORed on eight
 * bytes at a time.
 */
final class RcsCounterMode {
    private static final VarHandle LE_LONG =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final int BLOCK = RcsVariant.BLOCK_SIZE;
    /** Counter blocks handed to the block cipher per call (512 bytes of keystream). */
    private static final int BATCH = 16;

    private final Rijndael256 cipher;
    private final long[] counter;
    /** BATCH counter blocks, then their keystream, four little-endian longs per block. */
    private final long[] keystream = new long[4 * BATCH];

    RcsCounterMode(Rijndael256 cipher, byte[] nonce) {
        this.cipher = cipher;
        this.counter = new long[4];
        for (int i = 0; i < 4; i++) {
            counter[i] = (long) LE_LONG.get(nonce, 8 * i);
        }
    }

    private RcsCounterMode(RcsCounterMode other) {
        this.cipher = other.cipher.copy();
        this.counter = other.counter.clone();
    }

    /** XORs {@code length} keystream bytes onto {@code in} into {@code out}; in == out at the same offset is fine. */
    void transform(byte[] in, int inOffset, byte[] out, int outOffset, int length) {
        long[] ks = keystream;
        int done = 0;
        int used = 0;
        while (done < length) {
            int remaining = length - done;
            // one counter block per 32 bytes, a final partial one included (QSMP-WIRE §5.4)
            int blocks = Math.min(BATCH, (remaining + BLOCK - 1) / BLOCK);
            cipher.encryptCounters(counter, ks, blocks);
            used = Math.max(used, 4 * blocks);
            int bytes = Math.min(remaining, blocks * BLOCK);
            int ip = inOffset + done;
            int op = outOffset + done;
            int i = 0;
            for (; i <= bytes - Long.BYTES; i += Long.BYTES) {
                LE_LONG.set(out, op + i, (long) LE_LONG.get(in, ip + i) ^ ks[i >>> 3]);
            }
            for (; i < bytes; i++) {
                out[op + i] = (byte) (in[ip + i] ^ (ks[i >>> 3] >>> (8 * (i & 7))));
            }
            done += bytes;
        }
        Arrays.fill(ks, 0, used, 0L);
    }

    /** The current counter block as 32 bytes. */
    byte[] nonce() {
        byte[] out = new byte[BLOCK];
        writeNonce(out, 0);
        return out;
    }

    void writeNonce(byte[] out, int offset) {
        for (int i = 0; i < 4; i++) {
            LE_LONG.set(out, offset + 8 * i, counter[i]);
        }
    }

    RcsCounterMode copy() {
        return new RcsCounterMode(this);
    }

    void destroy() {
        cipher.destroy();
        Arrays.fill(counter, 0L);
        Arrays.fill(keystream, 0L);
    }
}
