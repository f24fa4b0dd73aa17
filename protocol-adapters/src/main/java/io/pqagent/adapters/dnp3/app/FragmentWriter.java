package io.pqagent.adapters.dnp3.app;

import java.io.ByteArrayOutputStream;

/** Writes little-endian fields into a fragment. */
final class FragmentWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    void u8(int v) {
        out.write(v);
    }

    void u16(int v) {
        out.write(v);
        out.write(v >>> 8);
    }

    void u32(long v) {
        u16((int) v & 0xFFFF);
        u16((int) (v >>> 16) & 0xFFFF);
    }

    void u48(long v) {
        u32(v & 0xFFFF_FFFFL);
        u16((int) (v >>> 32) & 0xFFFF);
    }

    void u64(long v) {
        u32(v & 0xFFFF_FFFFL);
        u32(v >>> 32);
    }

    void unsigned(int width, int v) {
        if (width == 1) {
            u8(v);
        } else {
            u16(v);
        }
    }

    int size() {
        return out.size();
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }
}
