package io.pqagent.qsmp.crypto;

/**
 * The AES S-box (FIPS 197 §5.1.1), computed at class load from its definition (inverse in GF(2^8) modulo
 * x^8 + x^4 + x^3 + x + 1, then the affine map with constant 0x63) rather than typed in.
 */
final class AesSbox {
    private static final int[] SBOX = build();

    private AesSbox() {
    }

    /** S(x) for 0 &lt;= x &lt; 256. Table lookup: only for the table path and tests. */
    static int substitute(int x) {
        return SBOX[x];
    }

    static int[] table() {
        return SBOX.clone();
    }

    /** Multiplication in GF(2^8) with the AES polynomial (public data only: used to build tables). */
    static int multiply(int a, int b) {
        int r = 0;
        int x = a;
        for (int i = 0; i < 8; i++) {
            if (((b >>> i) & 1) != 0) {
                r ^= x;
            }
            x = ((x << 1) ^ (((x >>> 7) & 1) * 0x1b)) & 0xff;
        }
        return r;
    }

    private static int[] build() {
        int[] s = new int[256];
        for (int x = 0; x < 256; x++) {
            int inv = 0;
            for (int y = 1; y < 256 && x != 0; y++) {
                if (multiply(x, y) == 1) {
                    inv = y;
                    break;
                }
            }
            int b = inv;
            s[x] = (b ^ rotl8(b, 1) ^ rotl8(b, 2) ^ rotl8(b, 3) ^ rotl8(b, 4) ^ 0x63) & 0xff;
        }
        return s;
    }

    private static int rotl8(int b, int n) {
        return ((b << n) | (b >>> (8 - n))) & 0xff;
    }
}
