package io.pqagent.qsmp.crypto.mldsa;

/**
 * SimpleBitPack / SimpleBitUnpack of FIPS 204 Algorithms 16 and 18: the 256 coefficients of one
 * polynomial, each a {@code bits}-bit non-negative integer, concatenated in little-endian bit order.
 * BitPack/BitUnpack (Algorithms 17 and 19) are these applied to b - w; the callers do that subtraction.
 * The loops depend only on {@code bits}, never on the values.
 */
final class BitPacking {
    private BitPacking() {
    }

    /** Writes 32·bits bytes at {@code out[outOff]}; each value must be in [0, 2^bits). */
    static void pack(int[] values, int valuesOff, int bits, byte[] out, int outOff) {
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

    /** Reads 32·bits bytes at {@code in[inOff]} into 256 values in [0, 2^bits). */
    static void unpack(byte[] in, int inOff, int bits, int[] values, int valuesOff) {
        long acc = 0;
        int accBits = 0;
        int p = inOff;
        int mask = (1 << bits) - 1;
        for (int i = valuesOff; i < valuesOff + Ntt.N; i++) {
            while (accBits < bits) {
                acc |= (in[p++] & 0xFFL) << accBits;
                accBits += 8;
            }
            values[i] = (int) acc & mask;
            acc >>>= bits;
            accBits -= bits;
        }
    }
}
