package io.pqagent.qsmp.crypto;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * QSC's QMAC (QSMP-WIRE §5.6), the RCS MAC of the spring-2025 QSC default build: a polynomial hash
 * Y = mul(H, Y xor block) over 32-byte blocks with subkeys H and F from cSHAKE(k, N = initial nonce), each
 * absorbed item zero-padded to whole blocks, tag = Y xor F, and Y keeps Y xor F for the next message.
 *
 * <p>{@code mul} is QSC's own 256-bit carry-less product and reduction, which is not a true GF(2^256)
 * multiplication; it is reproduced exactly. 256-bit values are four little-endian 64-bit limbs. The
 * carry-less products are computed with masks, not branches or tables, so they do not leak operands.
 */
final class Qmac {
    static final int TAG_SIZE = 32;
    static final int KEY_SIZE = 32;
    private static final int BLOCK = 32;
    private static final VarHandle LE_LONG =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final long[] h = new long[4];
    private final long[] f = new long[4];
    private final long[] y = new long[4];
    private final long[] wide = new long[QmacField.SCRATCH];
    private final byte[] tail = new byte[BLOCK];

    /** QSMP-WIRE §5.6: subkeys from cSHAKE(rate, X = k, N = initial nonce, S = empty), first block. */
    Qmac(int rate, byte[] key, byte[] initialNonce) {
        if (key.length != KEY_SIZE) {
            throw new IllegalArgumentException("QMAC key must be 32 bytes, got " + key.length);
        }
        byte[] sub = Cshake.derive(rate, key, initialNonce, new byte[0], 2 * BLOCK);
        for (int i = 0; i < 4; i++) {
            h[i] = (long) LE_LONG.get(sub, 8 * i);
            f[i] = (long) LE_LONG.get(sub, BLOCK + 8 * i);
        }
        Arrays.fill(sub, (byte) 0);
    }

    private Qmac(Qmac other) {
        System.arraycopy(other.h, 0, h, 0, 4);
        System.arraycopy(other.f, 0, f, 0, 4);
        System.arraycopy(other.y, 0, y, 0, 4);
    }

    /** Absorbs one item: whole 32-byte blocks, the last one zero-padded. */
    void update(byte[] in, int offset, int length) {
        int off = offset;
        int end = offset + length;
        while (end - off >= BLOCK) {
            for (int i = 0; i < 4; i++) {
                y[i] ^= (long) LE_LONG.get(in, off + 8 * i);
            }
            multiplyYByH();
            off += BLOCK;
        }
        if (off < end) {
            Arrays.fill(tail, (byte) 0);
            System.arraycopy(in, off, tail, 0, end - off);
            for (int i = 0; i < 4; i++) {
                y[i] ^= (long) LE_LONG.get(tail, 8 * i);
            }
            Arrays.fill(tail, (byte) 0);
            multiplyYByH();
        }
    }

    /** tag = Y xor F; Y keeps that value (the MAC chains into the next message). */
    void finish(byte[] out, int offset) {
        for (int i = 0; i < 4; i++) {
            y[i] ^= f[i];
            LE_LONG.set(out, offset + 8 * i, y[i]);
        }
    }

    Qmac copy() {
        return new Qmac(this);
    }

    void destroy() {
        Arrays.fill(h, 0L);
        Arrays.fill(f, 0L);
        Arrays.fill(y, 0L);
        Arrays.fill(wide, 0L);
    }

    private void multiplyYByH() {
        QmacField.multiply(h, y, wide, y);
    }
}
