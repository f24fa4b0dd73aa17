package io.pqagent.adapters.opcua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The message header checks of the framer, and cutting a stream into messages however it arrives. */
class UaTcpFramerTest {

    @Test
    void messagesComeOutWholeWhateverTheCuts() throws Exception {
        byte[] stream = UaWire.concat(UaWire.hello(), UaWire.openRequest(1, 1), UaWire.message('C', 2, 2, new byte[40]),
                UaWire.message('F', 3, 2, new byte[3]));
        for (int piece : new int[] {1, 3, 7, 64, stream.length}) {
            UaTcpFramer framer = new UaTcpFramer("request");
            List<UaTcpFrame> frames = new ArrayList<>();
            for (int off = 0; off < stream.length; off += piece) {
                framer.feed(Arrays.copyOfRange(stream, off, Math.min(stream.length, off + piece)));
                for (UaTcpFrame f = framer.next(); f != null; f = framer.next()) {
                    frames.add(f);
                }
            }
            assertThat(frames).extracting(UaTcpFrame::type).containsExactly(UaTcpMessageType.HEL, UaTcpMessageType.OPN,
                    UaTcpMessageType.MSG, UaTcpMessageType.MSG);
            assertThat(frames).extracting(UaTcpFrame::chunkType).containsExactly(ChunkType.FINAL, ChunkType.FINAL,
                    ChunkType.INTERMEDIATE, ChunkType.FINAL);
            assertThat(UaWire.concat(frames.stream().map(UaTcpFrame::bytes).toArray(byte[][]::new))).isEqualTo(stream);
            assertThat(framer.buffered()).isZero();
        }
    }

    @Test
    void theHeaderIsCheckedBeforeTheBodyIsWaitedFor() {
        assertRejected(header("XYZ", 'F', 100), "unknown message type 0x58595A");
        assertRejected(header("HEL", 'C', 100), "HEL with chunk type 0x43 (only F is allowed)");
        assertRejected(header("OPN", 'A', 100), "OPN with chunk type 0x41 (only F is allowed)");
        assertRejected(header("MSG", 'X', 100), "MSG with chunk type 0x58 (F, C or A expected)");
        assertRejected(header("MSG", 'F', 23), "MSG of 23 bytes, at least 24 expected");
        assertRejected(header("HEL", 'F', 31), "HEL of 31 bytes, at least 32 expected");
        assertRejected(header("MSG", 'F', 8193), "MSG of 8193 bytes exceeds the limit of 8192");
        assertRejected(header("MSG", 'F', 0xFFFFFFFFL), "MSG of 4294967295 bytes exceeds the limit of 8192");
    }

    @Test
    void theLimitFollowsWhatWasNegotiated() throws Exception {
        UaTcpFramer framer = new UaTcpFramer("request");
        framer.maxMessageSize(20_000);
        framer.feed(UaWire.message('F', 1, 1, new byte[15_000]));
        assertThat(framer.next().size()).isEqualTo(15_024);
        framer.feed(header("MSG", 'F', 20_001));
        assertThatThrownBy(framer::next).hasMessageContaining("exceeds the limit of 20000");
    }

    @Test
    void helloAndAcknowledgeFieldsAreChecked() {
        byte[] hello = UaWire.hello();
        hello[28] = (byte) 0x88; // EndpointUrl length (offset 28) 5000
        hello[29] = 0x13;
        assertThatThrownBy(() -> Hello.parse(frame(hello))).hasMessage("HEL: EndpointUrl length 5000 outside 0..4096");
        byte[] lying = UaWire.hello();
        lying[28]++; // one byte longer than what follows
        assertThatThrownBy(() -> Hello.parse(frame(lying))).hasMessageContaining("HEL: EndpointUrl needs");
        byte[] small = UaWire.acknowledge(8192, 8192, 0, 0);
        small[13] = 0; // ReceiveBufferSize (offset 12, little-endian) 8192 becomes 0
        assertThatThrownBy(() -> Acknowledge.parse(frame(small))).hasMessageContaining("ReceiveBufferSize 0 is below the minimum of 8192");
        byte[] longer = UaWire.concat(UaWire.acknowledge(), new byte[4]);
        longer[4] = (byte) longer.length;
        assertThatThrownBy(() -> Acknowledge.parse(frame(longer))).hasMessageContaining("4 bytes after the last field");
    }

    private static UaTcpFrame frame(byte[] b) throws MalformedOpcUaException {
        UaTcpFramer framer = new UaTcpFramer("test");
        framer.feed(b);
        return framer.next();
    }

    private static void assertRejected(byte[] header, String message) {
        UaTcpFramer framer = new UaTcpFramer("request");
        framer.feed(header);
        assertThatThrownBy(framer::next).isInstanceOf(MalformedOpcUaException.class).hasMessage("request: " + message);
    }

    private static byte[] header(String type, char chunk, long size) {
        byte[] h = new byte[8];
        System.arraycopy(type.getBytes(StandardCharsets.US_ASCII), 0, h, 0, 3);
        h[3] = (byte) chunk;
        for (int i = 0; i < 4; i++) {
            h[4 + i] = (byte) (size >>> (8 * i));
        }
        return h;
    }
}
