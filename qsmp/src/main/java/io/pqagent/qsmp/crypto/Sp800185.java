package io.pqagent.qsmp.crypto;

import java.io.ByteArrayOutputStream;

/** The integer and string encodings of NIST SP 800-185 §2.3 (left_encode, right_encode, encode_string, bytepad). */
final class Sp800185 {
    private Sp800185() {
    }

    /** left_encode(x): the byte count n, then x big-endian in n bytes (n &gt;= 1). */
    static byte[] leftEncode(long x) {
        int n = byteLength(x);
        byte[] out = new byte[n + 1];
        out[0] = (byte) n;
        for (int i = 0; i < n; i++) {
            out[1 + i] = (byte) (x >>> (8 * (n - 1 - i)));
        }
        return out;
    }

    /** right_encode(x): x big-endian in n bytes, then n. */
    static byte[] rightEncode(long x) {
        int n = byteLength(x);
        byte[] out = new byte[n + 1];
        for (int i = 0; i < n; i++) {
            out[i] = (byte) (x >>> (8 * (n - 1 - i)));
        }
        out[n] = (byte) n;
        return out;
    }

    /** encode_string(S) = left_encode(bit length of S) || S. */
    static byte[] encodeString(byte[] s) {
        byte[] len = leftEncode(8L * s.length);
        byte[] out = new byte[len.length + s.length];
        System.arraycopy(len, 0, out, 0, len.length);
        System.arraycopy(s, 0, out, len.length, s.length);
        return out;
    }

    /** bytepad(parts..., w) = left_encode(w) || parts || zeros up to a multiple of w bytes. */
    static byte[] bytepad(int w, byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(leftEncode(w));
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        while (out.size() % w != 0) {
            out.write(0);
        }
        return out.toByteArray();
    }

    private static int byteLength(long x) {
        if (x < 0) {
            throw new IllegalArgumentException("SP 800-185 encodings take non-negative integers");
        }
        int n = 1;
        while (n < 8 && (x >>> (8 * n)) != 0) {
            n++;
        }
        return n;
    }
}
