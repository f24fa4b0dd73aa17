package io.pqagent.adapters.modbus;

import java.util.Arrays;

/** What a correct normal response to a request looks like (MB-APP §6), so the PLC's answers are checked too. */
public sealed interface ExpectedResponse {

    /** Reads: the function code, a byte count, then exactly that many bytes. */
    record Data(int byteCount) implements ExpectedResponse {
    }

    /** Writes: the request's first bytes echoed (all of FC 5, 6, 22; function, address and quantity of FC 15, 16). */
    record Echo(byte[] pdu) implements ExpectedResponse {
        public Echo {
            pdu = pdu.clone();
        }

        @Override
        public byte[] pdu() {
            return pdu.clone();
        }

        boolean matches(ModbusFrame response) {
            if (response.pduLength() != pdu.length) {
                return false;
            }
            for (int i = 0; i < pdu.length; i++) {
                if (response.pduByte(i) != (pdu[i] & 0xFF)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Echo e && Arrays.equals(pdu, e.pdu);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(pdu);
        }

        @Override
        public String toString() {
            return "Echo[" + pdu.length + " bytes]";
        }
    }
}
