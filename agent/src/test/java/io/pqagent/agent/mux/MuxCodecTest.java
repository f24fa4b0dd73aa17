package io.pqagent.agent.mux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MuxCodecTest {

    static Stream<MuxFrame> everyFrameType() {
        return Stream.of(
                new MuxFrame.Open(1, "plc-modbus", new byte[] {10, 0, 0, 5}),
                new MuxFrame.Open(2, "a", new byte[0]),
                new MuxFrame.OpenOk(7),
                new MuxFrame.Data(9, new byte[] {1, 2, 3}),
                new MuxFrame.Data(Integer.MAX_VALUE, new byte[MuxLimits.MAX_DATA]),
                new MuxFrame.Window(3, MuxLimits.MAX_WINDOW),
                new MuxFrame.Close(4),
                new MuxFrame.Reset(5, ResetCode.CONNECTION_REFUSED, "connect 10.0.0.5:502 refused"),
                new MuxFrame.RatchetRequest(RatchetKind.ASYMMETRIC),
                new MuxFrame.Ping(-1L),
                new MuxFrame.Pong(0x0102030405060708L));
    }

    @ParameterizedTest
    @MethodSource("everyFrameType")
    void roundTripsEachFrameAlone(MuxFrame frame) throws MuxException {
        byte[] message = MuxCodec.encode(List.of(frame));
        assertThat(message).hasSize(1 + MuxCodec.encodedSize(frame));
        assertThat(MuxCodec.decode(message)).containsExactly(frame);
    }

    @Test
    void roundTripsManyFramesPackedInOneMessage() throws MuxException {
        List<MuxFrame> frames = everyFrameType().toList();
        assertThat(MuxCodec.decode(MuxCodec.encode(frames))).isEqualTo(frames);
    }

    @Test
    void pinsTheWireLayout() {
        byte[] message = MuxCodec.encode(List.of(
                new MuxFrame.Open(1, "ab", new byte[] {(byte) 0xEE}),
                new MuxFrame.Window(1, 0x010203),
                new MuxFrame.Reset(2, ResetCode.POLICY_DENIED, "no"),
                new MuxFrame.RatchetRequest(RatchetKind.SYMMETRIC)));
        assertThat(HexFormat.of().formatHex(message)).isEqualTo("01"
                + "01" + "00000001" + "00000006" + "02" + "6162" + "0001" + "ee"
                + "04" + "00000001" + "00000004" + "00010203"
                + "06" + "00000002" + "00000004" + "03" + "02" + "6e6f"
                + "10" + "00000000" + "00000001" + "01");
    }

    @Test
    void everyTruncationOfEveryFrameIsReportedAsTruncated() {
        for (MuxFrame frame : everyFrameType().toList()) {
            byte[] message = MuxCodec.encode(List.of(frame));
            for (int cut = 2; cut < message.length; cut++) {
                byte[] part = Arrays.copyOf(message, cut);
                assertThatThrownBy(() -> MuxCodec.decode(part))
                        .as("%s cut to %d bytes", frame, cut)
                        .isInstanceOfSatisfying(MuxException.class,
                                e -> assertThat(e.error()).isEqualTo(MuxError.TRUNCATED));
            }
        }
    }

    @Test
    void rejectsEmptyAndFramelessMessages() {
        assertError(new byte[0], MuxError.TRUNCATED);
        assertError(new byte[] {1}, MuxError.EMPTY_MESSAGE);
    }

    @Test
    void rejectsAnotherVersion() {
        byte[] message = MuxCodec.encode(List.of(new MuxFrame.Close(1)));
        message[0] = 2;
        assertError(message, MuxError.UNSUPPORTED_VERSION);
    }

    @Test
    void rejectsUnknownFrameTypes() {
        for (int code = 0; code < 256; code++) {
            if (FrameType.fromCode(code) == null) {
                assertError(frame(code, 1, new byte[0]), MuxError.UNKNOWN_FRAME_TYPE);
            }
        }
    }

    @Test
    void rejectsOversizePayloadsBeforeReadingThem() {
        // Declared lengths above the type's maximum fail even though the bytes are not there.
        assertError(header(FrameType.DATA.code(), 1, MuxLimits.MAX_DATA + 1), MuxError.FRAME_TOO_LARGE);
        assertError(header(FrameType.DATA.code(), 1, 0xFFFF_FFFF), MuxError.FRAME_TOO_LARGE);
        assertError(header(FrameType.OPEN.code(), 1, 1 + 64 + 2 + 1024 + 1), MuxError.FRAME_TOO_LARGE);
        assertError(header(FrameType.RESET.code(), 1, 2 + 121), MuxError.FRAME_TOO_LARGE);
        assertError(frame(FrameType.OPEN_OK.code(), 1, new byte[1]), MuxError.FRAME_TOO_LARGE);
        assertError(frame(FrameType.CLOSE.code(), 1, new byte[1]), MuxError.FRAME_TOO_LARGE);
        assertError(frame(FrameType.PING.code(), 0, new byte[9]), MuxError.FRAME_TOO_LARGE);
        assertError(new byte[MuxLimits.MAX_MESSAGE + 1], MuxError.MESSAGE_TOO_LARGE);
    }

    @Test
    void rejectsStreamIdsOnTheWrongKindOfFrame() {
        assertError(frame(FrameType.DATA.code(), 0, new byte[1]), MuxError.BAD_STREAM_ID);
        assertError(frame(FrameType.CLOSE.code(), 0, new byte[0]), MuxError.BAD_STREAM_ID);
        assertError(frame(FrameType.PING.code(), 1, new byte[8]), MuxError.BAD_STREAM_ID);
        assertError(frame(FrameType.RATCHET_REQUEST.code(), 3, new byte[] {1}), MuxError.BAD_STREAM_ID);
        assertError(frame(FrameType.CLOSE.code(), 0x8000_0001, new byte[0]), MuxError.BAD_STREAM_ID);
    }

    @Test
    void rejectsMalformedPayloads() {
        assertError(frame(FrameType.DATA.code(), 1, new byte[0]), MuxError.MALFORMED_PAYLOAD);
        assertError(frame(FrameType.WINDOW.code(), 1, new byte[] {0, 0, 0, 0}), MuxError.MALFORMED_PAYLOAD);
        assertError(frame(FrameType.WINDOW.code(), 1, new byte[] {0, 4, 0, 1}), MuxError.MALFORMED_PAYLOAD);
        assertError(frame(FrameType.WINDOW.code(), 1, new byte[] {0, 1}), MuxError.MALFORMED_PAYLOAD);
        assertError(frame(FrameType.PONG.code(), 0, new byte[7]), MuxError.MALFORMED_PAYLOAD);
        // OPEN: empty, zero-length name, bad character, parameter length beyond or short of the payload
        assertError(frame(FrameType.OPEN.code(), 1, new byte[0]), MuxError.MALFORMED_PAYLOAD);
        assertError(frame(FrameType.OPEN.code(), 1, new byte[] {0, 0, 0}), MuxError.MALFORMED_PAYLOAD);
        assertError(frame(FrameType.OPEN.code(), 1, new byte[] {1, ' ', 0, 0}), MuxError.MALFORMED_PAYLOAD);
        assertError(frame(FrameType.OPEN.code(), 1, new byte[] {1, 'a', 0, 2, 9}), MuxError.MALFORMED_PAYLOAD);
        assertError(frame(FrameType.OPEN.code(), 1, new byte[] {1, 'a', 0, 0, 9}), MuxError.MALFORMED_PAYLOAD);
        assertError(frame(FrameType.OPEN.code(), 1, new byte[] {3, 'a', 0}), MuxError.MALFORMED_PAYLOAD);
        assertError(frame(FrameType.OPEN.code(), 1, new byte[] {1, 'a', 0x04, 0x01}), MuxError.MALFORMED_PAYLOAD);
        // RESET: too short, text length disagreeing, text not printable ASCII
        assertError(frame(FrameType.RESET.code(), 1, new byte[] {1}), MuxError.MALFORMED_PAYLOAD);
        assertError(frame(FrameType.RESET.code(), 1, new byte[] {1, 2, 'x'}), MuxError.MALFORMED_PAYLOAD);
        assertError(frame(FrameType.RESET.code(), 1, new byte[] {1, 1, (byte) 0xC3}), MuxError.MALFORMED_PAYLOAD);
        assertError(frame(FrameType.RESET.code(), 1, new byte[] {1, 1, '\n'}), MuxError.MALFORMED_PAYLOAD);
    }

    @Test
    void rejectsUnknownResetCodesAndRatchetKinds() {
        assertError(frame(FrameType.RESET.code(), 1, new byte[] {0, 0}), MuxError.UNKNOWN_RESET_CODE);
        assertError(frame(FrameType.RESET.code(), 1, new byte[] {(byte) 0xFF, 0}), MuxError.UNKNOWN_RESET_CODE);
        assertError(frame(FrameType.RATCHET_REQUEST.code(), 0, new byte[] {3}), MuxError.UNKNOWN_RATCHET_KIND);
    }

    @Test
    void aBadFrameAfterGoodOnesFailsTheWholeMessage() {
        byte[] good = MuxCodec.encode(List.of(new MuxFrame.Close(1)));
        byte[] bad = frame(0x7F, 1, new byte[0]);
        byte[] both = new byte[good.length + bad.length - 1];
        System.arraycopy(good, 0, both, 0, good.length);
        System.arraycopy(bad, 1, both, good.length, bad.length - 1);
        assertError(both, MuxError.UNKNOWN_FRAME_TYPE);
    }

    @Test
    void framesRefuseValuesTheWireCannotCarry() {
        assertThatThrownBy(() -> new MuxFrame.Open(1, "has space", new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MuxFrame.Open(1, "x".repeat(65), new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MuxFrame.Open(1, "x", new byte[1025])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MuxFrame.Data(0, new byte[1])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MuxFrame.Data(1, new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MuxFrame.Window(1, MuxLimits.MAX_WINDOW + 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MuxFrame.Reset(1, ResetCode.CANCELLED, "tab\t"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void resetOfFitsAnyTextIntoTheFrame() {
        MuxFrame.Reset reset = MuxFrame.Reset.of(1, ResetCode.INTERNAL_ERROR, "é".repeat(300));
        assertThat(reset.text()).isEqualTo("?".repeat(MuxLimits.MAX_RESET_TEXT));
        assertThat(MuxFrame.Reset.of(1, ResetCode.INTERNAL_ERROR, null).text()).isEmpty();
    }

    @Test
    void wireCodesArePinned() {
        assertThat(Arrays.stream(FrameType.values()).map(FrameType::code))
                .containsExactly(0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x10, 0x11, 0x12);
        assertThat(Arrays.stream(ResetCode.values()).map(ResetCode::code))
                .containsExactly(0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0A, 0x0B);
        assertThat(Arrays.stream(RatchetKind.values()).map(RatchetKind::code)).containsExactly(0x01, 0x02);
    }

    private static void assertError(byte[] message, MuxError expected) {
        assertThatThrownBy(() -> MuxCodec.decode(message))
                .isInstanceOfSatisfying(MuxException.class, e -> assertThat(e.error()).isEqualTo(expected));
    }

    /** A message of one frame built by hand, so the codec's own encoder cannot hide a decoder fault. */
    static byte[] frame(int type, int streamId, byte[] payload) {
        byte[] header = header(type, streamId, payload.length);
        byte[] message = Arrays.copyOf(header, header.length + payload.length);
        System.arraycopy(payload, 0, message, header.length, payload.length);
        return message;
    }

    static byte[] header(int type, int streamId, int length) {
        return new byte[] {1, (byte) type,
            (byte) (streamId >>> 24), (byte) (streamId >>> 16), (byte) (streamId >>> 8), (byte) streamId,
            (byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length};
    }
}
