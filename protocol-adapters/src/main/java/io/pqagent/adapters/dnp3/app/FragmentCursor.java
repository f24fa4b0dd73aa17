package io.pqagent.adapters.dnp3.app;

/** Reads little-endian fields from a fragment; every read checks the octets left first. */
final class FragmentCursor {
    private final byte[] data;
    private int position;

    FragmentCursor(byte[] data) {
        this.data = data;
    }

    int position() {
        return position;
    }

    int remaining() {
        return data.length - position;
    }

    void require(long octets, String what) throws AppParseException {
        if (octets > remaining()) {
            throw new AppParseException(what + " needs " + octets + " octets at offset " + position + ", "
                    + remaining() + " left");
        }
    }

    int u8(String what) throws AppParseException {
        require(1, what);
        return data[position++] & 0xFF;
    }

    int u16(String what) throws AppParseException {
        require(2, what);
        int v = (data[position] & 0xFF) | (data[position + 1] & 0xFF) << 8;
        position += 2;
        return v;
    }

    long u32(String what) throws AppParseException {
        require(4, what);
        long v = u16(what);
        return v | (long) u16(what) << 16;
    }

    long u48(String what) throws AppParseException {
        require(6, what);
        long low = u32(what);
        return low | (long) u16(what) << 32;
    }

    long u64(String what) throws AppParseException {
        require(8, what);
        long low = u32(what);
        return low | u32(what) << 32;
    }

    /** An unsigned number of {@code width} octets (1 or 2), as ranges and prefixes use. */
    int unsigned(int width, String what) throws AppParseException {
        return width == 1 ? u8(what) : u16(what);
    }
}
