package io.pqagent.qsmp.crypto.mldsa;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * SimpleBitPack / SimpleBitUnpack of FIPS 204 Algorithms 16 and 18: the 256 coefficients of one
 * polynomial, each a {@code bits}-bit non-negative integer, concatenated in little-endian bit order.
 * BitPack/BitUnpack (Algorithms 17 and 19) are these applied to b - w; the callers do that subtraction.
 * The loops depend only on {@code bits} and the array length, never on the values.
 */
final class BitPacking {
    private static final VarHandle LE_LONG =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private BitPacking() {
    }

    /** Writes 32·bits bytes at {@code out[outOff]}; each value must be in [0, 2^bits). */
    static void pack(int[] values, int valuesOff, int bits, byte[] out, int outOff) {
        if (bits == 4) { // w1 of ML-DSA-65 and -87, once per row of every signing attempt
            for (int i = 0; i < Ntt.N / 2; i++) {
                out[outOff + i] = (byte) (values[valuesOff + 2 * i] | values[valuesOff + 2 * i + 1] << 4);
            }
            return;
        }
        long acc = 0;
        int accBits = 0;
        int o = outOff;
        for (int i = valuesOff; i < valuesOff + Ntt.N; i++) {
            acc |= (long) values[i] << accBits;
            accBits += bits;
            while (accBits >= 8) {
                out[o++] = (byte) acc;
                acc >>>= 8;
                accBits -= 8;
            }
        }
    }

    /**
     * Reads 32·bits bytes at {@code in[inOff]} into 256 values in [0, 2^bits), bits ≤ 32. Where eight bytes
     * of slack follow the packed bytes in {@code in}, each value is one unaligned 64-bit read and a shift.
     */
    static void unpack(byte[] in, int inOff, int bits, int[] values, int valuesOff) {
        long mask = (1L << bits) - 1;
        if (inOff + Ntt.N * bits / 8 + Long.BYTES <= in.length) {
            for (int i = 0; i < Ntt.N; i++) {
                int bit = i * bits;
                values[valuesOff + i] = (int) (((long) LE_LONG.get(in, inOff + (bit >>> 3)) >>> (bit & 7)) & mask);
            }
            return;
        }
        long acc = 0;
        int accBits = 0;
        int p = inOff;
        for (int i = valuesOff; i < valuesOff + Ntt.N; i++) {
            while (accBits < bits) {
                acc |= (in[p++] & 0xFFL) << accBits;
                accBits += 8;
            }
            values[i] = (int) (acc & mask);
            acc >>>= bits;
            accBits -= bits;
        }
    }
}
