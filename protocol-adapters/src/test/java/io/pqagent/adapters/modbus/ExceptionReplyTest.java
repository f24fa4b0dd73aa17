package io.pqagent.adapters.modbus;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExceptionReplyTest {
    @Test
    void carriesTheRequestsTransactionAndUnitIdAndTheFunctionCodeWithItsTopBitSet() throws Exception {
        ModbusFrame request = ModbusFrame.of(Adu.of(0xBEEF, 17, 6, 0, 40, 0, 1));
        assertThat(ExceptionReply.to(request, ExceptionCode.ILLEGAL_DATA_ADDRESS))
                .isEqualTo(Adu.of(0xBEEF, 17, 0x86, 0x02));
        assertThat(ExceptionReply.to(request, ExceptionCode.GATEWAY_PATH_UNAVAILABLE))
                .isEqualTo(Adu.of(0xBEEF, 17, 0x86, 0x0A));
    }

    @Test
    void anUnsupportedFunctionGetsExceptionOneUnderItsOwnCode() throws Exception {
        ModbusFrame request = ModbusFrame.of(Adu.of(7, 1, 0x2B, 0x0E, 1, 0));
        assertThat(ExceptionReply.to(request, ExceptionCode.ILLEGAL_FUNCTION)).isEqualTo(Adu.of(7, 1, 0xAB, 0x01));
    }
}
