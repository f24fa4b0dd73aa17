package io.pqagent.adapters.modbus;

/**
 * The MBAP header in front of every Modbus/TCP PDU (MB-TCP §3.1.3), big-endian:
 *
 * <pre>
 * +----------------+-------------+--------+---------+------------------+
 * | transaction id | protocol id | length | unit id | PDU ...          |
 * | u16            | u16 (= 0)   | u16    | u8      | length - 1 bytes |
 * +----------------+-------------+--------+---------+------------------+
 * </pre>
 *
 * {@code length} counts the unit id and the PDU: at least 2 (a function code alone), at most 254 (a PDU
 * is at most 253 bytes, MB-APP §4.1), so a whole frame (ADU) is at most 260 bytes.
 */
public record MbapHeader(int transactionId, int protocolId, int length, int unitId) {
    /** Bytes before the unit id's length count starts: transaction id, protocol id, length. */
    public static final int PREFIX_LENGTH = 6;
    /** The header including the unit id. */
    public static final int LENGTH = 7;
    public static final int MODBUS_PROTOCOL_ID = 0;
    public static final int MIN_LENGTH = 2;
    public static final int MAX_LENGTH = 254;
    /** The largest frame: header prefix plus the largest length. */
    public static final int MAX_ADU = PREFIX_LENGTH + MAX_LENGTH;

    /** Reads a header from {@code b} at {@code off}; the caller has checked that 7 bytes are there. */
    static MbapHeader read(byte[] b, int off) {
        return new MbapHeader(u16(b, off), u16(b, off + 2), u16(b, off + 4), b[off + 6] & 0xFF);
    }

    /** The frame's size on the wire. */
    public int aduLength() {
        return PREFIX_LENGTH + length;
    }

    static int u16(byte[] b, int off) {
        return (b[off] & 0xFF) << 8 | b[off + 1] & 0xFF;
    }
}
