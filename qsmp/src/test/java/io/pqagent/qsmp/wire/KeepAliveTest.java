package io.pqagent.qsmp.wire;

import static io.pqagent.qsmp.wire.Transcripts.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KeepAliveTest {
    private static final long ETIME = 1_760_000_000L;

    @Test
    void encodesTheReferenceRequestAndResponse() {
        // transcripts/README.md §5.7
        KeepAlive ka = new KeepAlive(0, ETIME);
        assertThat(ka.request().encode())
                .isEqualTo(hex("0b0800000000000000000000000000000000000000" + "0078e76800000000"))
                .hasSize(KeepAlive.SIZE);
        assertThat(ka.response().encode()).isEqualTo(hex("0c0800000000000000000000000000000000000000" + "0078e76800000000"));
    }

    @Test
    void answerEchoesTheRequestWithTheResponseFlag() throws QsmpException {
        Packet request = new KeepAlive(7, ETIME).request();
        Packet answer = KeepAlive.answer(request);
        byte[] expected = request.encode();
        expected[0] = 0x0C;
        assertThat(answer.encode()).isEqualTo(expected);
    }

    @Test
    void answerKeepsANonZeroTimeAsReceived() throws QsmpException {
        byte[] payload = new byte[8];
        Packet request = Packet.of(Flag.KEEP_ALIVE_REQUEST, 3, 99, payload);
        assertThat(KeepAlive.answer(request).header().utctime()).isEqualTo(99);
    }

    @Test
    void decodesCounterAndTime() throws QsmpException {
        assertThat(KeepAlive.decode(new KeepAlive(42, ETIME).request())).isEqualTo(new KeepAlive(42, ETIME));
        assertThat(KeepAlive.decode(new KeepAlive(-1, -2).response())).isEqualTo(new KeepAlive(-1, -2));
    }

    @Test
    void acceptsTheMatchingResponse() throws QsmpException {
        KeepAlive sent = new KeepAlive(1, ETIME);
        sent.verifyResponse(KeepAlive.answer(sent.request()));
    }

    @Test
    void rejectsAResponseWithAnotherCounterOrTime() {
        KeepAlive sent = new KeepAlive(1, ETIME);
        assertThatThrownBy(() -> sent.verifyResponse(new KeepAlive(2, ETIME).response()))
                .isInstanceOfSatisfying(QsmpException.class, e -> assertThat(e.error()).isEqualTo(QsmpError.BAD_KEEP_ALIVE))
                .hasMessageContaining("sequence 2, expected 1");
        assertThatThrownBy(() -> sent.verifyResponse(new KeepAlive(1, ETIME + 1).response()))
                .hasMessageContaining("echoes time 1760000001, expected 1760000000");
    }

    @Test
    void rejectsARequestWhereAResponseIsDue() {
        KeepAlive sent = new KeepAlive(1, ETIME);
        assertThatThrownBy(() -> sent.verifyResponse(sent.request()))
                .isInstanceOfSatisfying(QsmpException.class, e -> assertThat(e.error()).isEqualTo(QsmpError.BAD_KEEP_ALIVE));
    }

    @Test
    void rejectsMalformedKeepAlives() {
        Packet shortOne = Packet.of(Flag.KEEP_ALIVE_REQUEST, 0, 0, new byte[7]);
        assertThatThrownBy(() -> KeepAlive.answer(shortOne))
                .isInstanceOfSatisfying(QsmpException.class, e -> assertThat(e.error()).isEqualTo(QsmpError.BAD_KEEP_ALIVE))
                .hasMessageContaining("payload is 7 bytes, expected 8");
        assertThatThrownBy(() -> KeepAlive.answer(TerminatePacket.packet()))
                .isInstanceOfSatisfying(QsmpException.class, e -> assertThat(e.error()).isEqualTo(QsmpError.INVALID_REQUEST));
        assertThatThrownBy(() -> KeepAlive.decode(TerminatePacket.packet())).isInstanceOf(QsmpException.class);
    }
}
