package io.pqagent.adapters.modbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import com.ghgande.j2mod.modbus.procimg.Register;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;
import com.ghgande.j2mod.modbus.util.BitVector;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Requests encoded by j2mod (an independent encoder) and by hand, for the limits j2mod does not check. */
class RequestParserTest {

    private static ParsedRequest parse(ModbusRequest r) throws Exception {
        return RequestParser.parse(ModbusFrame.of(Adu.j2mod(r, 42, 1)));
    }

    private static ParsedRequest parse(int... pdu) throws Exception {
        return RequestParser.parse(ModbusFrame.of(Adu.of(42, 1, pdu)));
    }

    private static TableAccess access(DataTable t, Access a, int first, int last) {
        return new TableAccess(t, a, new AddressRange(first, last));
    }

    private static Register[] registers(int n) {
        Register[] r = new Register[n];
        for (int i = 0; i < n; i++) {
            r[i] = new SimpleRegister(i);
        }
        return r;
    }

    @Test
    void everySupportedFunctionYieldsTheRangesItReadsOrWrites() throws Exception {
        assertThat(parse(new ReadCoilsRequest(100, 2000)).accesses())
                .containsExactly(access(DataTable.COILS, Access.READ, 100, 2099));
        assertThat(parse(new ReadInputDiscretesRequest(0, 9)).accesses())
                .containsExactly(access(DataTable.DISCRETE_INPUTS, Access.READ, 0, 8));
        assertThat(parse(new ReadMultipleRegistersRequest(65411, 125)).accesses())
                .containsExactly(access(DataTable.HOLDING_REGISTERS, Access.READ, 65411, 65535));
        assertThat(parse(new ReadInputRegistersRequest(7, 1)).accesses())
                .containsExactly(access(DataTable.INPUT_REGISTERS, Access.READ, 7, 7));
        assertThat(parse(new WriteCoilRequest(3, true)).accesses())
                .containsExactly(access(DataTable.COILS, Access.WRITE, 3, 3));
        assertThat(parse(new WriteSingleRegisterRequest(40, new SimpleRegister(9))).accesses())
                .containsExactly(access(DataTable.HOLDING_REGISTERS, Access.WRITE, 40, 40));
        assertThat(parse(new WriteMultipleCoilsRequest(8, new BitVector(1968))).accesses())
                .containsExactly(access(DataTable.COILS, Access.WRITE, 8, 1975));
        assertThat(parse(new WriteMultipleRegistersRequest(10, registers(123))).accesses())
                .containsExactly(access(DataTable.HOLDING_REGISTERS, Access.WRITE, 10, 132));
        assertThat(parse(new MaskWriteRegisterRequest(5, 0xF0F0, 0x0101)).accesses())
                .containsExactly(access(DataTable.HOLDING_REGISTERS, Access.WRITE, 5, 5));
        // (unit, read start, read count, write start, write count): only this constructor sets the length
        ReadWriteMultipleRequest rw = new ReadWriteMultipleRequest(1, 0, 125, 200, 121);
        rw.setRegisters(registers(121));
        assertThat(parse(rw).accesses()).containsExactly(access(DataTable.HOLDING_REGISTERS, Access.WRITE, 200, 320),
                access(DataTable.HOLDING_REGISTERS, Access.READ, 0, 124));
    }

    @Test
    void theExpectedResponseFollowsTheRequest() throws Exception {
        assertThat(parse(new ReadCoilsRequest(0, 9)).expected()).isEqualTo(new ExpectedResponse.Data(2));
        assertThat(parse(new ReadMultipleRegistersRequest(0, 10)).expected()).isEqualTo(new ExpectedResponse.Data(20));
        assertThat(parse(6, 0, 40, 0x12, 0x34).expected())
                .isEqualTo(new ExpectedResponse.Echo(new byte[] {6, 0, 40, 0x12, 0x34}));
        assertThat(parse(16, 0, 10, 0, 1, 2, 0, 9).expected()).isEqualTo(new ExpectedResponse.Echo(new byte[] {16, 0, 10, 0, 1}));
    }

    @Test
    void quantitiesBeyondTheSpecificationsLimitsAreExceptionThree() {
        // MB-APP §6: FC 1/2 ≤ 2000 bits, FC 3/4 ≤ 125 registers, FC 15 ≤ 1968 coils, FC 16 ≤ 123 registers
        List<int[]> tooMany = List.of(new int[] {1, 0, 0, 0x07, 0xD1}, new int[] {2, 0, 0, 0x07, 0xD1},
                new int[] {3, 0, 0, 0, 126}, new int[] {4, 0, 0, 0, 126}, new int[] {3, 0, 0, 0, 0},
                writeCoils(1969), claimingRegisters(124), writeRegisters(0));
        for (int[] pdu : tooMany) {
            assertThatThrownBy(() -> parse(pdu)).as("fc %d", pdu[0]).isInstanceOfSatisfying(RequestRefused.class,
                    e -> assertThat(e.code()).isEqualTo(ExceptionCode.ILLEGAL_DATA_VALUE));
        }
    }

    @Test
    void readWriteMultipleReadsAtMost125AndWritesAtMost121() {
        assertThatThrownBy(() -> parse(readWrite(126, 1))).isInstanceOfSatisfying(RequestRefused.class,
                e -> assertThat(e.reason()).contains("126 registers to read"));
        int[] writes122 = readWrite(1, 1);
        writes122[8] = 122; // 244 bytes would not fit a frame: the quantity is judged before the byte count
        assertThatThrownBy(() -> parse(writes122)).isInstanceOfSatisfying(RequestRefused.class,
                e -> assertThat(e.reason()).contains("122 registers to write"));
    }

    @Test
    void aByteCountThatDisagreesWithTheQuantityIsExceptionThree() {
        int[] pdu = writeRegisters(2);
        pdu[5] = 2; // 2 registers need 4 bytes
        int[] shortened = java.util.Arrays.copyOf(pdu, 8);
        assertThatThrownBy(() -> parse(shortened)).isInstanceOfSatisfying(RequestRefused.class,
                e -> assertThat(e.code()).isEqualTo(ExceptionCode.ILLEGAL_DATA_VALUE));
    }

    @Test
    void aByteCountThatDisagreesWithThePduSizeIsMalformed() {
        int[] pdu = writeRegisters(2);
        pdu[5] = 6; // but 4 bytes follow
        assertThatThrownBy(() -> parse(pdu)).isInstanceOf(MalformedFrameException.class).hasMessageContaining("byte count 6");
        assertThatThrownBy(() -> parse(15, 0, 0, 0, 8)).isInstanceOf(MalformedFrameException.class)
                .hasMessageContaining("ends before its byte count");
    }

    @Test
    void fixedSizeRequestsOfAnotherSizeAreMalformed() {
        assertThatThrownBy(() -> parse(3, 0, 0, 0, 1, 0)).isInstanceOf(MalformedFrameException.class)
                .hasMessageContaining("PDU of 6 bytes (must be 5)");
        assertThatThrownBy(() -> parse(22, 0, 0, 0xFF, 0xFF)).isInstanceOf(MalformedFrameException.class);
        assertThatThrownBy(() -> parse(5)).isInstanceOf(MalformedFrameException.class);
    }

    @Test
    void rangesRunningPastAddress65535AreExceptionTwo() {
        assertThatThrownBy(() -> parse(3, 0xFF, 0xFF, 0, 2)).isInstanceOfSatisfying(RequestRefused.class,
                e -> assertThat(e.code()).isEqualTo(ExceptionCode.ILLEGAL_DATA_ADDRESS));
        int[] rw = readWrite(1, 2);
        rw[5] = 0xFF;
        rw[6] = 0xFF;
        assertThatThrownBy(() -> parse(rw)).isInstanceOfSatisfying(RequestRefused.class,
                e -> assertThat(e.code()).isEqualTo(ExceptionCode.ILLEGAL_DATA_ADDRESS));
    }

    @Test
    void aSingleCoilIsOnlyEverFF00Or0000() {
        assertThatThrownBy(() -> parse(5, 0, 1, 0x12, 0x34)).isInstanceOfSatisfying(RequestRefused.class,
                e -> assertThat(e.code()).isEqualTo(ExceptionCode.ILLEGAL_DATA_VALUE));
    }

    @Test
    void unsupportedFunctionsAreExceptionOneWhateverTheirBody() {
        for (int fc : new int[] {0, 7, 8, 11, 17, 20, 21, 24, 43, 0x83, 0xFF}) {
            assertThatThrownBy(() -> parse(fc, 1, 2, 3)).as("fc %d", fc).isInstanceOfSatisfying(RequestRefused.class,
                    e -> assertThat(e.code()).isEqualTo(ExceptionCode.ILLEGAL_FUNCTION));
        }
    }

    private static int[] writeCoils(int quantity) {
        int bytes = (quantity + 7) / 8;
        int[] pdu = new int[6 + bytes];
        pdu[0] = 15;
        pdu[3] = quantity >> 8;
        pdu[4] = quantity & 0xFF;
        pdu[5] = bytes;
        return pdu;
    }

    private static int[] writeRegisters(int quantity) {
        int[] pdu = new int[6 + 2 * quantity];
        pdu[0] = 16;
        pdu[3] = quantity >> 8;
        pdu[4] = quantity & 0xFF;
        pdu[5] = 2 * quantity;
        return pdu;
    }

    /** A quantity too large to fit a frame, with a byte count for one register. */
    private static int[] claimingRegisters(int quantity) {
        int[] pdu = writeRegisters(1);
        pdu[3] = quantity >> 8;
        pdu[4] = quantity & 0xFF;
        return pdu;
    }

    private static int[] readWrite(int readQuantity, int writeQuantity) {
        int[] pdu = new int[10 + 2 * writeQuantity];
        pdu[0] = 23;
        pdu[3] = readQuantity >> 8;
        pdu[4] = readQuantity & 0xFF;
        pdu[5] = 0;
        pdu[6] = 100;
        pdu[7] = writeQuantity >> 8;
        pdu[8] = writeQuantity & 0xFF;
        pdu[9] = 2 * writeQuantity;
        return pdu;
    }
}
