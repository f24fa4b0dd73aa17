package io.pqagent.qsmp.wire;

/**
 * The 21-byte header in front of every packet (QSMP-WIRE §2.1), in the order the code sends it:
 *
 * <pre>
 *  0      1            5                    13                   21
 *  +------+------------+--------------------+--------------------+
 *  | flag | msglen LE32| sequence LE64      | utctime LE64       |
 *  +------+------------+--------------------+--------------------+
 * </pre>
 *
 * {@code flagCode} is kept as the raw byte so that a header with an unknown flag can still be
 * re-serialized exactly (it is hashed and authenticated as received).
 */
public record PacketHeader(int flagCode, long msglen, long sequence, long utctime) {
    public static final int SIZE = QsmpConstants.HEADER_SIZE;

    public PacketHeader {
        if (flagCode < 0 || flagCode > 0xFF) {
            throw new IllegalArgumentException("flag must be one byte");
        }
        if (msglen < 0 || msglen > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("msglen must be an unsigned 32-bit value");
        }
    }

    public PacketHeader(Flag flag, long msglen, long sequence, long utctime) {
        this(flag.code(), msglen, sequence, utctime);
    }

    public boolean is(Flag flag) {
        return flagCode == flag.code();
    }

    public java.util.Optional<Flag> flag() {
        return Flag.fromCode(flagCode);
    }

    public byte[] encode() {
        byte[] out = new byte[SIZE];
        encodeInto(out, 0);
        return out;
    }

    public void encodeInto(byte[] out, int offset) {
        out[offset] = (byte) flagCode;
        LittleEndian.putInt(out, offset + 1, (int) msglen);
        LittleEndian.putLong(out, offset + 5, sequence);
        LittleEndian.putLong(out, offset + 13, utctime);
    }

    /** Parses 21 bytes at {@code offset}; every bit pattern is a header, so this cannot fail. */
    public static PacketHeader decode(byte[] in, int offset) {
        if (in.length - offset < SIZE) {
            throw new IllegalArgumentException("a header needs " + SIZE + " bytes");
        }
        return new PacketHeader(in[offset] & 0xFF,
                LittleEndian.getInt(in, offset + 1) & 0xFFFFFFFFL,
                LittleEndian.getLong(in, offset + 5),
                LittleEndian.getLong(in, offset + 13));
    }
}
