package io.pqagent.adapters.modbus;

import com.ghgande.j2mod.modbus.msg.MaskWriteRegisterRequest;
import com.ghgande.j2mod.modbus.msg.ModbusRequest;
import com.ghgande.j2mod.modbus.msg.ReadCoilsRequest;
import com.ghgande.j2mod.modbus.msg.ReadInputDiscretesRequest;
import com.ghgande.j2mod.modbus.msg.ReadInputRegistersRequest;
import com.ghgande.j2mod.modbus.msg.ReadMultipleRegistersRequest;
import com.ghgande.j2mod.modbus.msg.ReadWriteMultipleRequest;
import com.ghgande.j2mod.modbus.msg.WriteCoilRequest;
import com.ghgande.j2mod.modbus.msg.WriteMultipleCoilsRequest;
import com.ghgande.j2mod.modbus.msg.WriteMultipleRegistersRequest;
import com.ghgande.j2mod.modbus.msg.WriteSingleRegisterRequest;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.List;

/**
 * A request frame to a {@link ParsedRequest}: the function must be one we support (else exception 01),
 * the PDU must pass {@link RequestLimits}, and then j2mod's message class for the function decodes it;
 * the table ranges the policy judges come from j2mod's fields.
 */
public final class RequestParser {
    private RequestParser() {
    }

    /**
     * @throws MalformedFrameException the PDU contradicts its own length fields (the stream is closed)
     * @throws RequestRefused the server's answer is an exception response (01, 02 or 03)
     */
    public static ParsedRequest parse(ModbusFrame frame) throws MalformedFrameException, RequestRefused {
        int code = frame.functionCode();
        FunctionCode fc = FunctionCode.byCode(code).orElseThrow(() -> new RequestRefused(ExceptionCode.ILLEGAL_FUNCTION,
                "function code " + code + " is not supported"));
        RequestLimits.check(frame, fc);
        ModbusRequest request = decode(frame);
        return switch (fc) {
            case READ_COILS -> {
                ReadCoilsRequest r = (ReadCoilsRequest) request;
                yield read(frame, fc, DataTable.COILS, r.getReference(), r.getBitCount(), bytes(r.getBitCount()));
            }
            case READ_DISCRETE_INPUTS -> {
                ReadInputDiscretesRequest r = (ReadInputDiscretesRequest) request;
                yield read(frame, fc, DataTable.DISCRETE_INPUTS, r.getReference(), r.getBitCount(), bytes(r.getBitCount()));
            }
            case READ_HOLDING_REGISTERS -> {
                ReadMultipleRegistersRequest r = (ReadMultipleRegistersRequest) request;
                yield read(frame, fc, DataTable.HOLDING_REGISTERS, r.getReference(), r.getWordCount(), 2 * r.getWordCount());
            }
            case READ_INPUT_REGISTERS -> {
                ReadInputRegistersRequest r = (ReadInputRegistersRequest) request;
                yield read(frame, fc, DataTable.INPUT_REGISTERS, r.getReference(), r.getWordCount(), 2 * r.getWordCount());
            }
            case WRITE_SINGLE_COIL -> write(frame, fc, DataTable.COILS, ((WriteCoilRequest) request).getReference(), 1, 5);
            case WRITE_SINGLE_REGISTER -> write(frame, fc, DataTable.HOLDING_REGISTERS,
                    ((WriteSingleRegisterRequest) request).getReference(), 1, 5);
            case WRITE_MULTIPLE_COILS -> {
                WriteMultipleCoilsRequest r = (WriteMultipleCoilsRequest) request;
                yield write(frame, fc, DataTable.COILS, r.getReference(), r.getBitCount(), 5);
            }
            case WRITE_MULTIPLE_REGISTERS -> {
                WriteMultipleRegistersRequest r = (WriteMultipleRegistersRequest) request;
                yield write(frame, fc, DataTable.HOLDING_REGISTERS, r.getReference(), r.getWordCount(), 5);
            }
            case MASK_WRITE_REGISTER -> write(frame, fc, DataTable.HOLDING_REGISTERS,
                    ((MaskWriteRegisterRequest) request).getReference(), 1, 7);
            case READ_WRITE_MULTIPLE_REGISTERS -> {
                // MB-APP §6.17: the write is performed before the read; both are judged
                ReadWriteMultipleRequest r = (ReadWriteMultipleRequest) request;
                yield new ParsedRequest(frame, fc, List.of(
                        new TableAccess(DataTable.HOLDING_REGISTERS, Access.WRITE,
                                AddressRange.of(r.getWriteReference(), r.getWriteWordCount())),
                        new TableAccess(DataTable.HOLDING_REGISTERS, Access.READ,
                                AddressRange.of(r.getReadReference(), r.getReadWordCount()))),
                        new ExpectedResponse.Data(2 * r.getReadWordCount()));
            }
        };
    }

    /** j2mod reads the whole frame, header included; {@link RequestLimits} has made its counts safe to trust. */
    private static ModbusRequest decode(ModbusFrame frame) throws MalformedFrameException {
        ModbusRequest request = ModbusRequest.createModbusRequest(frame.functionCode());
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(frame.adu()))) {
            request.readFrom(in);
        } catch (IOException | RuntimeException e) {
            // RequestLimits accepted the lengths, so this would be a gap in our checks, not a hostile peer
            throw new MalformedFrameException("function " + frame.functionCode() + " does not decode: " + e);
        }
        return request;
    }

    private static int bytes(int bits) {
        return (bits + 7) / 8;
    }

    private static ParsedRequest read(ModbusFrame f, FunctionCode fc, DataTable table, int start, int quantity,
            int responseBytes) {
        return new ParsedRequest(f, fc, List.of(new TableAccess(table, Access.READ, AddressRange.of(start, quantity))),
                new ExpectedResponse.Data(responseBytes));
    }

    private static ParsedRequest write(ModbusFrame f, FunctionCode fc, DataTable table, int start, int quantity,
            int echoed) {
        return new ParsedRequest(f, fc, List.of(new TableAccess(table, Access.WRITE, AddressRange.of(start, quantity))),
                new ExpectedResponse.Echo(f.pduPrefix(echoed)));
    }
}
