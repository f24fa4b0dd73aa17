package io.pqagent.qsmp.wire;

import static io.pqagent.qsmp.wire.Transcripts.hex;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays every packet of every reference transcript through our framing: each direction's byte stream,
 * fed in MTU-sized pieces, comes out as exactly the recorded packets, and every control packet (keep-alive,
 * terminate, error) is what our encoders produce.
 */
class TranscriptFramingTest {

    static List<String> cases() {
        return Transcripts.allCases();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void framesEachDirectionIntoTheRecordedPackets(String caseName) throws QsmpException {
        JsonNode packets = Transcripts.load(caseName).get("packets");
        assertThat(packets.size()).isGreaterThanOrEqualTo(3);
        for (String dir : List.of("c2s", "s2c")) {
            List<JsonNode> recorded = new ArrayList<>();
            ByteArrayOutputStream stream = new ByteArrayOutputStream();
            for (JsonNode p : packets) {
                if (p.get("dir").asText().equals(dir)) {
                    recorded.add(p);
                    stream.writeBytes(hex(p.get("header_hex")));
                    stream.writeBytes(hex(p.get("payload_hex")));
                }
            }
            List<Packet> framed = frame(stream.toByteArray(), 1500);
            assertThat(framed).as("%s %s", caseName, dir).hasSize(recorded.size());
            for (int i = 0; i < framed.size(); i++) {
                JsonNode r = recorded.get(i);
                PacketHeader h = framed.get(i).header();
                assertThat(h.flagCode()).as("%s %s #%d flag", caseName, dir, i).isEqualTo(r.get("flag").asInt());
                assertThat(h.msglen()).isEqualTo(r.get("msglen").asLong());
                assertThat(Long.toUnsignedString(h.sequence())).isEqualTo(r.get("sequence").asText());
                assertThat(Long.toUnsignedString(h.utctime())).isEqualTo(r.get("utctime").asText());
                assertThat(framed.get(i).encodedLength()).isEqualTo(r.get("packet_len").asInt());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void controlPacketsAreWhatOurEncodersProduce(String caseName) throws QsmpException {
        long clock = Transcripts.load(caseName).get("time").get("utctime").asLong();
        int controls = 0;
        for (JsonNode p : Transcripts.load(caseName).get("packets")) {
            byte[] wire = concat(hex(p.get("header_hex")), hex(p.get("payload_hex")));
            Packet packet = frame(wire, wire.length).get(0);
            switch (p.get("flag").asInt()) {
                case 0x03 -> {
                    assertThat(wire).isEqualTo(TerminatePacket.encode());
                    controls++;
                }
                case 0x0B -> {
                    assertThat(wire).isEqualTo(new KeepAlive(0, clock).request().encode());
                    controls++;
                }
                case 0x0C -> {
                    Packet request = new KeepAlive(0, clock).request();
                    assertThat(wire).isEqualTo(KeepAlive.answer(request).encode());
                    new KeepAlive(0, clock).verifyResponse(packet);
                    controls++;
                }
                case 0xFF -> {
                    QsmpError code = ErrorPacket.codeOf(packet).orElseThrow();
                    assertThat(p.get("step").asText()).contains(code.protocolName());
                    assertThat(wire).isEqualTo(ErrorPacket.of(code, clock).encode());
                    controls++;
                }
                default -> assertThat(ErrorPacket.codeOf(packet)).isEmpty();
            }
        }
        assertThat(controls).as("control packets in %s", caseName).isPositive();
    }

    private static List<Packet> frame(byte[] wire, int chunk) throws QsmpException {
        PacketReader reader = new PacketReader(Limits.DEFAULT);
        List<Packet> out = new ArrayList<>();
        for (int off = 0; off < wire.length; off += chunk) {
            reader.feed(wire, off, Math.min(chunk, wire.length - off));
            for (Optional<Packet> p = reader.next(); p.isPresent(); p = reader.next()) {
                out.add(p.get());
            }
        }
        assertThat(reader.buffered()).isZero();
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
