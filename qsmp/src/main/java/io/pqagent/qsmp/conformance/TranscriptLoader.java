package io.pqagent.qsmp.conformance;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pqagent.qsmp.crypto.ConfigString;
import io.pqagent.qsmp.wire.QsmpConstants;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a reference transcript ({@code qsmp-kat-transcript/1}, transcripts README §4). Members the model
 * does not declare are ignored; every declared member must be present with the declared shape, and the
 * redundant ones must agree (header bytes with header fields, lengths with data), otherwise loading
 * fails with a {@link TranscriptFormatException} naming the file and the field.
 */
public final class TranscriptLoader {
    public static final String FORMAT = "qsmp-kat-transcript/1";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private TranscriptLoader() {
    }

    public static Transcript load(Path file) throws IOException {
        JsonNode tree;
        try (InputStream in = Files.newInputStream(file)) {
            tree = JSON.readTree(in);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new TranscriptFormatException(file, "$", "not valid JSON" + where + ": " + e.getOriginalMessage());
        }
        if (tree == null || tree.isMissingNode()) {
            throw new TranscriptFormatException(file, "$", "empty file");
        }
        return read(JsonCursor.root(file, tree));
    }

    private static Transcript read(JsonCursor root) throws TranscriptFormatException {
        String format = root.text("format");
        if (!FORMAT.equals(format)) {
            throw root.error("format", "expected '" + FORMAT + "', found '" + format + "'");
        }
        TranscriptMode mode = mode(root);
        JsonCursor seeds = root.object("seeds");
        JsonCursor keys = root.object("keys");
        LongTermKeys clientKeys = keys(keys.objectOrNull("client"));
        if (clientKeys == null && mode == TranscriptMode.DUPLEX) {
            throw keys.error("client", "a Duplex transcript needs the client's long-term key");
        }
        LongTermKeys serverKeys = keys(keys.object("server"));
        JsonCursor secrets = root.object("secrets");
        JsonCursor outcome = root.object("outcome");
        JsonCursor random = root.object("random_requests");
        return new Transcript(
                root.text("case"),
                mode,
                config(root.object("config_string")),
                new PerSide<>(seeds.text("client"), seeds.text("server")),
                root.object("time").unsigned64("utctime"),
                tamper(root.objectOrNull("tamper")),
                new PerSide<>(clientKeys, serverKeys),
                TranscriptPacketReader.packets(root.array("packets")),
                applicationMessages(root.array("application_messages")),
                new PerSide<>(SideSecretsReader.secrets(secrets.object("client"), mode),
                        SideSecretsReader.secrets(secrets.object("server"), mode)),
                new PerSide<>(outcome(outcome.array("client")), outcome(outcome.array("server"))),
                new PerSide<>(randomRequests(random.array("client")), randomRequests(random.array("server"))));
    }

    private static TranscriptMode mode(JsonCursor root) throws TranscriptFormatException {
        String mode = root.text("mode");
        for (TranscriptMode m : TranscriptMode.values()) {
            if (m.jsonName().equals(mode)) {
                return m;
            }
        }
        throw root.error("mode", "expected 'duplex' or 'simplex', found '" + mode + "'");
    }

    private static TranscriptConfig config(JsonCursor c) throws TranscriptFormatException {
        String text = c.text("text");
        byte[] field = c.hex("hex48", QsmpConstants.CONFIG_SIZE);
        byte[] expected;
        try {
            expected = ConfigString.of(text).field();
        } catch (IllegalArgumentException e) {
            throw c.error("text", e.getMessage());
        }
        if (!Arrays.equals(field, expected)) {
            throw c.error("hex48", "is not the text '" + text + "' padded with NULs to 48 bytes");
        }
        return new TranscriptConfig(text, field);
    }

    private static Tamper tamper(JsonCursor t) throws TranscriptFormatException {
        return t == null ? null : new Tamper(t.text("spec"), t.text("description"));
    }

    private static LongTermKeys keys(JsonCursor k) throws TranscriptFormatException {
        if (k == null) {
            return null;
        }
        return new LongTermKeys(
                k.hex("key_id", QsmpConstants.KEYID_SIZE),
                k.unsigned64("expiration"),
                k.hex("config_hex", QsmpConstants.CONFIG_SIZE),
                k.hex("signing_key_hex"),
                k.hex("verification_key_hex"),
                k.hex("qskey_file_hex"),
                k.text("qpkey_text"),
                k.hex("qpkey_file_hex"));
    }

    private static List<ApplicationMessage> applicationMessages(List<JsonCursor> items)
            throws TranscriptFormatException {
        List<ApplicationMessage> out = new ArrayList<>(items.size());
        for (JsonCursor m : items) {
            byte[] data = m.hex("data_hex");
            long len = m.integer("len", 0, Integer.MAX_VALUE);
            if (len != data.length) {
                throw m.error("len", "says " + len + " bytes but data_hex holds " + data.length);
            }
            out.add(new ApplicationMessage(side(m, "side"), m.text("event"), m.text("label"), data));
        }
        return List.copyOf(out);
    }

    private static List<OutcomeEvent> outcome(List<JsonCursor> items) throws TranscriptFormatException {
        List<OutcomeEvent> out = new ArrayList<>(items.size());
        for (JsonCursor e : items) {
            out.add(new OutcomeEvent(e.text("event"), e.optionalText("function"), e.optionalInt("ret", 0, 255),
                    e.optionalText("ret_name"), e.optionalText("ret_text"), e.optionalUnsigned64("sequence"),
                    e.optionalText("text"), e.optionalText("name"), e.optionalText("arg")));
        }
        return List.copyOf(out);
    }

    /** Draws must tile the stream: each starts where the previous one ended (README §2: nothing is skipped). */
    private static List<RandomRequest> randomRequests(List<JsonCursor> items) throws TranscriptFormatException {
        List<RandomRequest> out = new ArrayList<>(items.size());
        long next = 0;
        for (JsonCursor r : items) {
            byte[] bytes = r.hex("bytes_hex");
            long length = r.integer("length", 0, Integer.MAX_VALUE);
            if (length != bytes.length) {
                throw r.error("length", "says " + length + " bytes but bytes_hex holds " + bytes.length);
            }
            long offset = r.integer("offset", 0, Long.MAX_VALUE);
            if (offset != next) {
                throw r.error("offset", "is " + offset + " but the previous draw ended at " + next);
            }
            next = offset + length;
            out.add(new RandomRequest(r.intIn("index", 0, Integer.MAX_VALUE), offset, bytes, r.text("caller"),
                    r.text("purpose")));
        }
        return List.copyOf(out);
    }

    static Side side(JsonCursor c, String name) throws TranscriptFormatException {
        String s = c.text(name);
        for (Side side : Side.values()) {
            if (side.jsonName().equals(s)) {
                return side;
            }
        }
        throw c.error(name, "expected 'client' or 'server', found '" + s + "'");
    }
}
