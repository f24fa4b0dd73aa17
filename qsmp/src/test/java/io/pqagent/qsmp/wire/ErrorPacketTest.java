package io.pqagent.qsmp.wire;

import static io.pqagent.qsmp.wire.Transcripts.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ErrorPacketTest {

    @Test
    void encodesTheReferenceBytes() {
        // transcripts/README.md §7: the listener's answer to a flipped signature
        assertThat(ErrorPacket.of(QsmpError.AUTHENTICATION_FAILURE, 1_760_000_000L).encode())
                .isEqualTo(hex("ff0100000000000000000000ff0078e7680000000002"))
                .hasSize(ErrorPacket.SIZE);
        assertThat(ErrorPacket.of(QsmpError.UNKNOWN_PROTOCOL, 1_760_000_000L).encode())
                .isEqualTo(hex("ff0100000000000000000000ff0078e768000000001b"));
    }

    @Test
    void recognisesThePeersCode() throws QsmpException {
        Packet p = ErrorPacket.of(QsmpError.KEY_UNRECOGNIZED, 5).toPacket();
        assertThat(ErrorPacket.codeOf(p)).contains(QsmpError.KEY_UNRECOGNIZED);
        ErrorPacket e = ErrorPacket.decode(p).orElseThrow();
        assertThat(e.utctime()).isEqualTo(5);
        assertThat(e.describe()).startsWith("key_unrecognized (0x12)");
    }

    @Test
    void otherPacketsAreNotErrors() throws QsmpException {
        assertThat(ErrorPacket.codeOf(TerminatePacket.packet())).isEmpty();
        assertThat(ErrorPacket.decode(Packet.of(Flag.CONNECT_RESPONSE, 0, 0, new byte[] {2}))).isEmpty();
    }

    @Test
    void reportsAnUnknownCodeByItsByte() throws QsmpException {
        Packet p = new ErrorPacket(0x7F, 0).toPacket();
        ErrorPacket e = ErrorPacket.decode(p).orElseThrow();
        assertThat(e.error()).isEmpty();
        assertThat(e.describe()).isEqualTo("unknown error code 0x7F");
        assertThatThrownBy(() -> ErrorPacket.codeOf(p))
                .isInstanceOfSatisfying(QsmpException.class,
                        x -> assertThat(x.error()).isEqualTo(QsmpError.INVALID_INPUT))
                .hasMessageContaining("unknown error code 0x7F");
    }

    @Test
    void rejectsAnErrorPacketWithoutExactlyOneCodeByte() {
        Packet empty = Packet.of(Flag.ERROR_CONDITION, QsmpConstants.ERROR_SEQUENCE, 0, new byte[0]);
        Packet two = Packet.of(Flag.ERROR_CONDITION, QsmpConstants.ERROR_SEQUENCE, 0, new byte[] {2, 2});
        assertThatThrownBy(() -> ErrorPacket.codeOf(empty)).hasMessageContaining("carries 0 payload bytes, expected 1");
        assertThatThrownBy(() -> ErrorPacket.decode(two)).isInstanceOfSatisfying(QsmpException.class,
                x -> assertThat(x.error()).isEqualTo(QsmpError.RECEIVE_FAILURE));
    }
}
