package io.pqagent.qsmp.wire;

import static io.pqagent.qsmp.wire.Transcripts.hex;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TerminatePacketTest {

    @Test
    void encodesTheNormalTerminate() {
        assertThat(TerminatePacket.encode()).isEqualTo(hex("03" + "00000000" + "ffffffff00000000" + "0000000000000000"));
        assertThat(TerminatePacket.packet().encode()).isEqualTo(TerminatePacket.encode());
    }

    @Test
    void recognisesTerminateHeadersOnly() {
        assertThat(TerminatePacket.isTerminate(TerminatePacket.packet().header())).isTrue();
        assertThat(TerminatePacket.isTerminate(new PacketHeader(Flag.CONNECTION_TERMINATE, 0, 9, 1))).isTrue();
        assertThat(TerminatePacket.isTerminate(new PacketHeader(Flag.ENCRYPTED_MESSAGE, 0,
                QsmpConstants.SEQUENCE_TERMINATOR, 0))).isFalse();
    }
}
