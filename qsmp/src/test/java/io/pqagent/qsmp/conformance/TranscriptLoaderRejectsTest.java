package io.pqagent.qsmp.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real transcript with one change: extra members are ignored, while a missing or misshapen declared
 * member fails with the file and the JSON path in the message.
 */
class TranscriptLoaderRejectsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void ignoresMembersTheModelDoesNotDeclare() throws IOException {
        Transcript t = TranscriptLoader.load(mutated(root -> {
            root.put("added_by_a_later_recorder", 1);
            packet(root, 0).putObject("timing").put("micros", 12);
        }));
        assertThat(t.packets()).hasSize(3);
    }

    @Test
    void namesTheFileWhenTheJsonIsBroken() throws IOException {
        Path file = tmp.resolve("broken.json");
        Files.writeString(file, "{\"format\": \"qsmp-kat-transcript/1\", \"case\": ", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> TranscriptLoader.load(file))
                .isInstanceOf(TranscriptFormatException.class)
                .hasMessageStartingWith(file + ": $: not valid JSON at line 1");
    }

    @Test
    void rejectsAnEmptyFile() throws IOException {
        Path file = tmp.resolve("empty.json");
        Files.writeString(file, "", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> TranscriptLoader.load(file)).isInstanceOf(TranscriptFormatException.class)
                .hasMessageContaining("empty file");
    }

    @Test
    void rejectsAnotherFormat() {
        assertRejected(root -> root.put("format", "qsmp-kat-transcript/2"), "$.format",
                "expected 'qsmp-kat-transcript/1'");
    }

    @Test
    void rejectsAMissingDeclaredMember() {
        assertRejected(root -> packet(root, 1).remove("header_hex"), "$.packets[1].header_hex", "missing");
    }

    @Test
    void rejectsAMemberOfTheWrongType() {
        assertRejected(root -> packet(root, 0).put("msglen", "64"), "$.packets[0].msglen",
                "expected an integer, found a string");
    }

    @Test
    void rejectsHexThatIsNotHex() {
        assertRejected(root -> packet(root, 0).put("payload_hex", "zz"), "$.packets[0].payload_hex",
                "not a hex string");
    }

    @Test
    void rejectsAHeaderOfTheWrongLength() {
        assertRejected(root -> packet(root, 0).put("header_hex", "0140000000000000000000000000"),
                "$.packets[0].header_hex", "expected 21 bytes, found 14");
    }

    @Test
    void rejectsHeaderBytesThatDisagreeWithTheHeaderFields() {
        assertRejected(root -> packet(root, 0).put("sequence", 7), "$.packets[0].header_hex",
                "decodes to flag 0x01, msglen 64, sequence 0");
    }

    @Test
    void rejectsAPayloadShorterThanMsglen() {
        assertRejected(root -> {
            String payload = packet(root, 0).get("payload_hex").textValue();
            packet(root, 0).put("payload_hex", payload.substring(2));
        }, "$.packets[0].payload_hex", "holds 63 bytes but msglen is 64");
    }

    @Test
    void rejectsASequenceBeyondSixtyFourBits() {
        assertRejected(root -> packet(root, 1).put("sequence", BigInteger.ONE.shiftLeft(64)),
                "$.packets[1].sequence", "is not an unsigned 64-bit integer");
    }

    @Test
    void rejectsPacketsOutOfOrder() {
        assertRejected(root -> packet(root, 2).put("index", 5), "$.packets[2].index", "is 5 at position 2");
    }

    @Test
    void rejectsAnUnknownDirection() {
        assertRejected(root -> packet(root, 0).put("dir", "up"), "$.packets[0].dir", "expected 'c2s' or 's2c'");
    }

    @Test
    void rejectsAConfigFieldThatIsNotTheText() {
        assertRejected(root -> ((ObjectNode) root.get("config_string")).put("text", "dilithium-s1_kyber-s1_sha3_rcs"),
                "$.config_string.hex48", "is not the text");
    }

    @Test
    void rejectsRandomDrawsThatLeaveAGap() {
        assertRejected(root -> {
            ArrayNode draws = (ArrayNode) root.get("random_requests").get("server");
            ((ObjectNode) draws.get(1)).put("offset", 17);
        }, "$.random_requests.server[1].offset", "is 17 but the previous draw ended at 16");
    }

    @Test
    void rejectsAMissingServerKey() {
        assertRejected(root -> ((ObjectNode) root.get("keys")).putNull("server"), "$.keys.server",
                "expected an object, found null");
    }

    @Test
    void rejectsADuplicateMember() throws IOException {
        Path source = SharedProtocol.transcript("neg-simplex-connect-config");
        String text = Files.readString(source, StandardCharsets.UTF_8);
        Path file = tmp.resolve("duplicate.json");
        Files.writeString(file, text.replaceFirst("\\{", "{\"mode\": \"duplex\", "), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> TranscriptLoader.load(file)).isInstanceOf(TranscriptFormatException.class)
                .hasMessageContaining("Duplicate field 'mode'");
    }

    private void assertRejected(Consumer<ObjectNode> change, String field, String problem) {
        Path file;
        try {
            file = mutated(change);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertThatThrownBy(() -> TranscriptLoader.load(file))
                .isInstanceOfSatisfying(TranscriptFormatException.class, e -> {
                    assertThat(e.file()).isEqualTo(file);
                    assertThat(e.field()).isEqualTo(field);
                })
                .hasMessageStartingWith(file + ": " + field + ": ")
                .hasMessageContaining(problem);
    }

    private Path mutated(Consumer<ObjectNode> change) throws IOException {
        ObjectNode root = (ObjectNode) JSON.readTree(SharedProtocol.transcript("neg-simplex-connect-config").toFile());
        change.accept(root);
        Path file = tmp.resolve("mutated.json");
        JSON.writeValue(file.toFile(), root);
        return file;
    }

    private static ObjectNode packet(ObjectNode root, int index) {
        return (ObjectNode) root.get("packets").get(index);
    }
}
