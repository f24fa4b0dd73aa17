package io.pqagent.adapters.dnp3.link;

/**
 * CRC-16/DNP (IEEE 1815 link CRC): polynomial 0x3D65 processed LSB first (reflected 0xA6BC), initial value
 * 0, result inverted; sent low octet first. The catalogue check value, over ASCII "123456789", is 0xEA82.
 */
public final class Crc16Dnp {
    /** The CRC of ASCII "123456789", by which any implementation of this CRC is checked. */
    public static final int CHECK_VALUE = 0xEA82;

    private static final int REFLECTED_POLYNOMIAL = 0xA6BC;
    private static final int[] TABLE = table();

    private Crc16Dnp() {
    }

    /** The CRC of {@code length} octets of {@code data} from {@code offset}. */
    public static int compute(byte[] data, int offset, int length) {
        int crc = 0;
        for (int i = offset; i < offset + length; i++) {
            crc = (crc >>> 8) ^ TABLE[(crc ^ data[i]) & 0xFF];
        }
        return ~crc & 0xFFFF;
    }

    /** Whether the two octets right after the {@code length} octets at {@code offset} hold their CRC. */
    public static boolean matches(byte[] data, int offset, int length) {
        int crc = compute(data, offset, length);
        return (data[offset + length] & 0xFF) == (crc & 0xFF) && (data[offset + length + 1] & 0xFF) == crc >>> 8;
    }

    /** Writes the CRC of the {@code length} octets at {@code offset} into the two octets after them. */
    public static void append(byte[] data, int offset, int length) {
        int crc = compute(data, offset, length);
        data[offset + length] = (byte) crc;
        data[offset + length + 1] = (byte) (crc >>> 8);
    }

    private static int[] table() {
        int[] t = new int[256];
        for (int i = 0; i < 256; i++) {
            int c = i;
            for (int bit = 0; bit < 8; bit++) {
                c = (c & 1) != 0 ? (c >>> 1) ^ REFLECTED_POLYNOMIAL : c >>> 1;
            }
            t[i] = c;
        }
        return t;
    }
}
