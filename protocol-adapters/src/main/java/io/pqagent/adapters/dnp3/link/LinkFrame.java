package io.pqagent.adapters.dnp3.link;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * One FT3 frame of the IEEE 1815 data link layer:
 * <pre>
 * +------+------+--------+---------+-------------+-------------+----------+------------------------------+
 * | 0x05 | 0x64 | length | control | destination | source      | CRC      | user data: 16-octet blocks,  |
 * |      |      | u8     | u8      | u16 LE      | u16 LE      | u16 LE   | each + CRC (last may be less)|
 * +------+------+--------+---------+-------------+-------------+----------+------------------------------+
 * </pre>
 * {@code length} counts control, both addresses and the user data, not the start octets or CRCs: 5..255,
 * so at most 250 octets of user data and 292 octets on the wire.
 */
public record LinkFrame(LinkControl control, int destination, int source, byte[] userData) {
    public static final int START_1 = 0x05;
    public static final int START_2 = 0x64;
    /** Start octets, length, control, two addresses and the header CRC. */
    public static final int HEADER_SIZE = 10;
    public static final int BLOCK_SIZE = 16;
    public static final int MIN_LENGTH = 5;
    public static final int MAX_USER_DATA = 250;
    public static final int MAX_FRAME_SIZE = wireSize(MAX_USER_DATA);

    public LinkFrame {
        checkAddress("destination", destination);
        checkAddress("source", source);
        if (userData.length > MAX_USER_DATA) {
            throw new IllegalArgumentException("link user data of " + userData.length + " octets exceeds " + MAX_USER_DATA);
        }
        userData = userData.clone();
    }

    @Override
    public byte[] userData() {
        return userData.clone();
    }

    public int userDataLength() {
        return userData.length;
    }

    /** The octets on the wire for a frame with {@code userDataLength} octets of user data. */
    public static int wireSize(int userDataLength) {
        return HEADER_SIZE + userDataLength + 2 * ((userDataLength + BLOCK_SIZE - 1) / BLOCK_SIZE);
    }

    public byte[] encode() {
        byte[] out = new byte[wireSize(userData.length)];
        out[0] = START_1;
        out[1] = START_2;
        out[2] = (byte) (MIN_LENGTH + userData.length);
        out[3] = (byte) control.encode();
        out[4] = (byte) destination;
        out[5] = (byte) (destination >>> 8);
        out[6] = (byte) source;
        out[7] = (byte) (source >>> 8);
        Crc16Dnp.append(out, 0, 8);
        int at = HEADER_SIZE;
        for (int off = 0; off < userData.length; off += BLOCK_SIZE) {
            int n = Math.min(BLOCK_SIZE, userData.length - off);
            System.arraycopy(userData, off, out, at, n);
            Crc16Dnp.append(out, at, n);
            at += n + 2;
        }
        return out;
    }

    private static void checkAddress(String which, int address) {
        if (address < 0 || address > 0xFFFF) {
            throw new IllegalArgumentException("link " + which + " address " + address + " is not 0..65535");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LinkFrame f && control.equals(f.control) && destination == f.destination
                && source == f.source && Arrays.equals(userData, f.userData);
    }

    @Override
    public int hashCode() {
        return ((control.hashCode() * 31 + destination) * 31 + source) * 31 + Arrays.hashCode(userData);
    }

    @Override
    public String toString() {
        return "LinkFrame[" + control + ", " + source + " -> " + destination + ", "
                + HexFormat.of().formatHex(userData) + "]";
    }
}
