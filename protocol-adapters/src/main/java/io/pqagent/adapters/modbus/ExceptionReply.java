package io.pqagent.adapters.modbus;

import com.ghgande.j2mod.modbus.msg.ExceptionResponse;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The exception response the filter sends the master in the PLC's place (MB-APP §7), encoded by j2mod:
 * the request's transaction id and unit id, the function code with its top bit set, the exception code.
 *
 * <pre>
 * tid u16 | protocol 0 u16 | length 3 u16 | unit u8 | fc|0x80 u8 | code u8
 * </pre>
 */
public final class ExceptionReply {
    private ExceptionReply() {
    }

    public static byte[] to(ModbusFrame request, ExceptionCode code) {
        ExceptionResponse response = new ExceptionResponse(request.functionCode(), code.code());
        response.setTransactionID(request.transactionId());
        response.setProtocolID(MbapHeader.MODBUS_PROTOCOL_ID);
        response.setUnitID(request.unitId());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(MbapHeader.LENGTH + 2);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            response.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory", e);
        }
        return bytes.toByteArray();
    }
}
