package io.pqagent.adapters.modbus;

import com.ghgande.j2mod.modbus.msg.ModbusMessageImpl;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Test frames: by hand (any bytes, well-formed or not) or encoded by j2mod (an independent encoder). */
final class Adu {
    private Adu() {
    }

    /** An MBAP frame around {@code pdu} with the correct length field. */
    static byte[] of(int tid, int unit, int... pdu) {
        return withLength(tid, 0, pdu.length + 1, unit, pdu);
    }

    /** An MBAP frame with any protocol id and length field. */
    static byte[] withLength(int tid, int protocol, int length, int unit, int... pdu) {
        byte[] b = new byte[7 + pdu.length];
        b[0] = (byte) (tid >> 8);
        b[1] = (byte) tid;
        b[2] = (byte) (protocol >> 8);
        b[3] = (byte) protocol;
        b[4] = (byte) (length >> 8);
        b[5] = (byte) length;
        b[6] = (byte) unit;
        for (int i = 0; i < pdu.length; i++) {
            b[7 + i] = (byte) pdu[i];
        }
        return b;
    }

    /** j2mod's encoding of a message, MBAP header included. */
    static byte[] j2mod(ModbusMessageImpl m, int tid, int unit) {
        m.setTransactionID(tid);
        m.setProtocolID(0);
        m.setUnitID(unit);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            m.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static int u16(byte[] b, int off) {
        return (b[off] & 0xFF) << 8 | b[off + 1] & 0xFF;
    }
}
