package io.pqagent.adapters.modbus;

import java.util.Arrays;
import java.util.Optional;

/**
 * One whole Modbus/TCP frame (ADU) as it arrived: its MBAP header and its PDU. The filter forwards the
 * very bytes it checked, never a re-encoding of them.
 */
public final class ModbusFrame {
    private final MbapHeader header;
    private final byte[] adu;

    ModbusFrame(MbapHeader header, byte[] adu) {
        if (adu.length != header.aduLength() || header.length() < MbapHeader.MIN_LENGTH) {
            throw new IllegalArgumentException("frame of " + adu.length + " bytes for MBAP length " + header.length());
        }
        this.header = header;
        this.adu = adu;
    }

    /** Parses one complete frame, e.g. a test vector; the stream's frames come from {@link MbapFramer}. */
    public static ModbusFrame of(byte[] adu) throws MalformedFrameException {
        MbapFramer framer = new MbapFramer();
        framer.feed(adu);
        Optional<ModbusFrame> frame = framer.next();
        if (frame.isEmpty() || framer.next().isPresent() || framer.buffered() != 0) {
            throw new MalformedFrameException("not exactly one Modbus/TCP frame in " + adu.length + " bytes");
        }
        return frame.get();
    }

    public MbapHeader header() {
        return header;
    }

    public int transactionId() {
        return header.transactionId();
    }

    public int unitId() {
        return header.unitId();
    }

    /** The function code: the PDU's first byte. */
    public int functionCode() {
        return adu[MbapHeader.LENGTH] & 0xFF;
    }

    /** Bytes in the PDU, function code included (1..253). */
    public int pduLength() {
        return adu.length - MbapHeader.LENGTH;
    }

    /** The PDU byte at {@code i} (0 is the function code), unsigned. */
    public int pduByte(int i) {
        return adu[MbapHeader.LENGTH + i] & 0xFF;
    }

    /** The big-endian u16 at PDU offset {@code i}. */
    public int pduU16(int i) {
        return MbapHeader.u16(adu, MbapHeader.LENGTH + i);
    }

    /** The PDU's first {@code n} bytes. */
    byte[] pduPrefix(int n) {
        return Arrays.copyOfRange(adu, MbapHeader.LENGTH, MbapHeader.LENGTH + n);
    }

    /** The frame's bytes; callers must not change them. */
    byte[] adu() {
        return adu;
    }

    public byte[] toBytes() {
        return adu.clone();
    }

    @Override
    public String toString() {
        return "ModbusFrame[tid=" + transactionId() + ", unit=" + unitId() + ", fc=" + functionCode() + ", pdu="
                + pduLength() + " bytes]";
    }
}
