package io.pqagent.qsmp.wire.message;

import java.util.Arrays;

/** Cuts a payload into consecutive fields of known sizes (sizes are checked by the caller first). */
final class Slices {
    private final byte[] payload;
    private int offset;

    Slices(byte[] payload) {
        this.payload = payload;
    }

    byte[] next(int length) {
        byte[] field = Arrays.copyOfRange(payload, offset, offset + length);
        offset += length;
        return field;
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int o = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, o, p.length);
            o += p.length;
        }
        return out;
    }
}
