package io.pqagent.qsmp.handshake;

import io.pqagent.qsmp.wire.Flag;
import io.pqagent.qsmp.wire.PacketHeader;
import io.pqagent.qsmp.wire.PacketTime;
import io.pqagent.qsmp.wire.QsmpError;

/**
 * The handshake header validation (QSMP-WIRE §3.1, {@code qsmp_header_validate}), in its order:
 * time window, size, sequence, flag. The peer-error case (flag 0xFF) is handled before this; the
 * local-state check is each machine's own, since a machine only ever expects one flag at a time.
 */
final class HeaderCheck {
    private HeaderCheck() {
    }

    /** Returns the first failing check's code, or {@code null} if the header is acceptable. */
    static QsmpError validate(PacketHeader header, Flag expected, long rxSequence, int expectedMsglen, long now) {
        if (!PacketTime.isValid(header.utctime(), now)) {
            return QsmpError.MESSAGE_TIME_INVALID; // §3.1 check 2
        }
        if (header.msglen() != expectedMsglen) {
            return QsmpError.RECEIVE_FAILURE; // check 3
        }
        if (header.sequence() != rxSequence) {
            return QsmpError.PACKET_UNSEQUENCED; // check 4
        }
        if (!header.is(expected)) {
            return QsmpError.INVALID_REQUEST; // check 5
        }
        return null;
    }
}
