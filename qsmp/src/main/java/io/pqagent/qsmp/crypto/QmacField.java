package io.pqagent.qsmp.crypto;

import java.util.Arrays;

/**
 * The 256-bit "multiplication" of QSC's QMAC (QSMP-WIRE §5.6), limb for limb. Values are four little-endian
 * 64-bit limbs (limb 0 bit 0 = coefficient of x^0).
 *
 * <p>Quirk kept on purpose: the 128-bit product's middle term is c(a0^a1, b0^b1), i.e. it still contains the
 * low and high products; only the 256-bit level subtracts them (Karatsuba). The reduction folds the high
 * half as h + (h &lt;&lt; 19) with a second fold of the 19 bits that overflow.
 */
final class QmacField {
    private QmacField() {
    }

    /** out = mul(a, b); {@code wide} is 8 limbs of scratch; out may alias a or b. */
    static void multiply(long[] a, long[] b, long[] wide, long[] out) {
        long[] r = wide;
        Arrays.fill(r, 0L);
        long a0 = a[0], a1 = a[1], a2 = a[2], a3 = a[3];
        long b0 = b[0], b1 = b[1], b2 = b[2], b3 = b[3];
        long[] p0 = product128(a0, a1, b0, b1);
        long[] p1 = product128(a2, a3, b2, b3);
        long[] p2 = product128(a0 ^ a2, a1 ^ a3, b0 ^ b2, b1 ^ b3);
        for (int i = 0; i < 4; i++) {
            long mid = p0[i] ^ p1[i] ^ p2[i];
            r[i] ^= p0[i];
            r[i + 2] ^= mid;
            r[i + 4] ^= p1[i];
        }
        // L = R mod 2^256, H = R >> 256
        long h0 = r[4], h1 = r[5], h2 = r[6], h3 = r[7];
        // t = (H << 19) mod 2^256; c = H >> 237 (19 bits); t ^= c ^ (c << 19)
        long t0 = h0 << 19;
        long t1 = (h1 << 19) | (h0 >>> 45);
        long t2 = (h2 << 19) | (h1 >>> 45);
        long t3 = (h3 << 19) | (h2 >>> 45);
        long c = h3 >>> 45;
        t0 ^= c ^ (c << 19);
        out[0] = r[0] ^ h0 ^ t0;
        out[1] = r[1] ^ h1 ^ t1;
        out[2] = r[2] ^ h2 ^ t2;
        out[3] = r[3] ^ h3 ^ t3;
        Arrays.fill(p0, 0L);
        Arrays.fill(p1, 0L);
        Arrays.fill(p2, 0L);
    }

    /** P128(a, b) = c(a0,b0) ^ (c(a0^a1, b0^b1) &lt;&lt; 64) ^ (c(a1,b1) &lt;&lt; 128), as four limbs. */
    static long[] product128(long a0, long a1, long b0, long b1) {
        long[] lo = clmul(a0, b0);
        long[] hi = clmul(a1, b1);
        long[] m = clmul(a0 ^ a1, b0 ^ b1);
        return new long[] {lo[0], lo[1] ^ m[0], hi[0] ^ m[1], hi[1]};
    }

    /** 64 x 64 -&gt; 128-bit carry-less product {low, high}, without secret-dependent branches. */
    static long[] clmul(long x, long y) {
        long lo = 0;
        long hi = 0;
        for (int i = 0; i < 64; i++) {
            long mask = -((y >>> i) & 1L);
            lo ^= (x << i) & mask;
            hi ^= ((x >>> 1) >>> (63 - i)) & mask;
        }
        return new long[] {lo, hi};
    }
}
