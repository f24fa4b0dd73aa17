package io.pqagent.qsmp.crypto;

/**
 * The 256-bit "multiplication" of QSC's QMAC (QSMP-WIRE §5.6), limb for limb. Values are four little-endian
 * 64-bit limbs (limb 0 bit 0 = coefficient of x^0).
 *
 * <p>Quirk kept on purpose: the 128-bit product's middle term is c(a0^a1, b0^b1), i.e. it still contains the
 * low and high products; only the 256-bit level subtracts them (Karatsuba). The reduction folds the high
 * half as h + (h &lt;&lt; 19) with a second fold of the 19 bits that overflow.
 */
final class QmacField {
    /** Scratch longs {@link #multiply} needs. */
    static final int SCRATCH = 14;

    private QmacField() {
    }

    /** out = mul(a, b); {@code w} is {@link #SCRATCH} longs of scratch; out may alias a or b. */
    static void multiply(long[] a, long[] b, long[] w, long[] out) {
        long a0 = a[0], a1 = a[1], a2 = a[2], a3 = a[3];
        long b0 = b[0], b1 = b[1], b2 = b[2], b3 = b[3];
        product128(a0, a1, b0, b1, w, 0);
        product128(a2, a3, b2, b3, w, 4);
        product128(a0 ^ a2, a1 ^ a3, b0 ^ b2, b1 ^ b3, w, 8);
        // R = p0 ^ (mid << 128) ^ (p1 << 256) with mid = p0 ^ p1 ^ p2 (512 bits, limbs r0..r7)
        long m0 = w[0] ^ w[4] ^ w[8], m1 = w[1] ^ w[5] ^ w[9], m2 = w[2] ^ w[6] ^ w[10], m3 = w[3] ^ w[7] ^ w[11];
        long r0 = w[0], r1 = w[1], r2 = w[2] ^ m0, r3 = w[3] ^ m1;
        long h0 = w[4] ^ m2, h1 = w[5] ^ m3, h2 = w[6], h3 = w[7];
        // L = R mod 2^256, H = R >> 256; t = (H << 19) mod 2^256; c = H >> 237 (19 bits); t ^= c ^ (c << 19)
        long t0 = h0 << 19;
        long t1 = (h1 << 19) | (h0 >>> 45);
        long t2 = (h2 << 19) | (h1 >>> 45);
        long t3 = (h3 << 19) | (h2 >>> 45);
        long c = h3 >>> 45;
        t0 ^= c ^ (c << 19);
        out[0] = r0 ^ h0 ^ t0;
        out[1] = r1 ^ h1 ^ t1;
        out[2] = r2 ^ h2 ^ t2;
        out[3] = r3 ^ h3 ^ t3;
    }

    /** w[off..off+4) = c(a0,b0) ^ (c(a0^a1, b0^b1) &lt;&lt; 64) ^ (c(a1,b1) &lt;&lt; 128); uses w[12..14) as scratch. */
    private static void product128(long a0, long a1, long b0, long b1, long[] w, int off) {
        clmul(a0, b0, w);
        long lo0 = w[12], lo1 = w[13];
        clmul(a1, b1, w);
        long hi0 = w[12], hi1 = w[13];
        clmul(a0 ^ a1, b0 ^ b1, w);
        w[off] = lo0;
        w[off + 1] = lo1 ^ w[12];
        w[off + 2] = hi0 ^ w[13];
        w[off + 3] = hi1;
    }

    /** w[12], w[13] = low, high half of the 64 x 64-bit carry-less product; masks, no secret-dependent branch. */
    private static void clmul(long x, long y, long[] w) {
        long lo = 0;
        long hi = 0;
        for (int i = 0; i < 64; i++) {
            long mask = -((y >>> i) & 1L);
            lo ^= (x << i) & mask;
            hi ^= ((x >>> 1) >>> (63 - i)) & mask;
        }
        w[12] = lo;
        w[13] = hi;
    }
}
