package io.pqagent.qsmp.crypto;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/** Frozen copy of the pre-tuning code (commit ec8efc4), kept in the benchmark module for same-JVM A/B runs.
 *
 * <p>
 * RCS CTR mode (QSMP-WIRE §5.4): keystream block = Rijndael-256(counter block); after every block, a final
 * partial one included, the 32-byte counter is incremented as a 256-bit little-endian integer. The counter
 * persists across messages. Held as four 64-bit limbs so the increment is a short carry chain.
 */
final class BaselineRcsCounterMode {
    private static final VarHandle LE_INT =
            MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LE_LONG =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final int BLOCK = RcsVariant.BLOCK_SIZE;

    private final Rijndael256 cipher;
    private final long[] counter;
    private final int[] keystream = new int[8];

    BaselineRcsCounterMode(Rijndael256 cipher, byte[] nonce) {
        this.cipher = cipher;
        this.counter = new long[4];
        for (int i = 0; i < 4; i++) {
            counter[i] = (long) LE_LONG.get(nonce, 8 * i);
        }
    }

    private BaselineRcsCounterMode(BaselineRcsCounterMode other) {
        this.cipher = other.cipher.copy();
        this.counter = other.counter.clone();
    }

    /** XORs {@code length} keystream bytes onto {@code in} into {@code out}; in == out at the same offset is fine. */
    void transform(byte[] in, int inOffset, byte[] out, int outOffset, int length) {
        int[] ks = keystream;
        long[] n = counter;
        int done = 0;
        while (length - done >= BLOCK) {
            nextBlock(ks, n);
            int ip = inOffset + done;
            int op = outOffset + done;
            for (int i = 0; i < 8; i++) {
                LE_INT.set(out, op + 4 * i, (int) LE_INT.get(in, ip + 4 * i) ^ ks[i]);
            }
            done += BLOCK;
        }
        if (done < length) {
            nextBlock(ks, n);
            for (int i = 0; done < length; i++, done++) {
                out[outOffset + done] = (byte) (in[inOffset + done] ^ (ks[i >>> 2] >>> (8 * (i & 3))));
            }
        }
        Arrays.fill(ks, 0);
    }

    private void nextBlock(int[] ks, long[] n) {
        ks[0] = (int) n[0];
        ks[1] = (int) (n[0] >>> 32);
        ks[2] = (int) n[1];
        ks[3] = (int) (n[1] >>> 32);
        ks[4] = (int) n[2];
        ks[5] = (int) (n[2] >>> 32);
        ks[6] = (int) n[3];
        ks[7] = (int) (n[3] >>> 32);
        cipher.encrypt(ks);
        increment(n);
    }

    /** 256-bit little-endian increment (full carry, as QSC's portable and AES-NI paths do). */
    private static void increment(long[] n) {
        n[0]++;
        long carry = n[0] == 0 ? 1 : 0;
        n[1] += carry;
        carry &= n[1] == 0 ? 1 : 0;
        n[2] += carry;
        carry &= n[2] == 0 ? 1 : 0;
        n[3] += carry;
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

    BaselineRcsCounterMode copy() {
        return new BaselineRcsCounterMode(this);
    }

    void destroy() {
        cipher.destroy();
        Arrays.fill(counter, 0L);
        Arrays.fill(keystream, 0);
    }
}
