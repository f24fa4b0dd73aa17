package io.pqagent.qsmp.crypto;

/** Comparisons whose running time does not depend on where two secrets differ. */
public final class ConstantTime {
    private ConstantTime() {
    }

    public static boolean equals(byte[] a, int aOff, byte[] b, int bOff, int length) {
        int diff = 0;
        for (int i = 0; i < length; i++) {
            diff |= a[aOff + i] ^ b[bOff + i];
        }
        return diff == 0;
    }

    public static boolean equals(byte[] a, byte[] b) {
        if (a.length != b.length) {
            return false;
        }
        return equals(a, 0, b, 0, a.length);
    }
}
