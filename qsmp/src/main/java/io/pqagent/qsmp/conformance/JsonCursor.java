package io.pqagent.qsmp.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A JSON node together with where it was found (file and JSON path), so that every read of a declared
 * field either returns a value of the declared shape or fails with a {@link TranscriptFormatException}
 * naming that field. Fields the model does not read are ignored.
 */
final class JsonCursor {
    private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);

    private final Path file;
    private final String path;
    private final JsonNode node;

    private JsonCursor(Path file, String path, JsonNode node) {
        this.file = file;
        this.path = path;
        this.node = node;
    }

    static JsonCursor root(Path file, JsonNode node) throws TranscriptFormatException {
        JsonCursor root = new JsonCursor(file, "$", node);
        root.requireObject();
        return root;
    }

    String path() {
        return path;
    }

    /** The names of this object's members, in document order. */
    List<String> memberNames() {
        List<String> names = new ArrayList<>(node.size());
        node.properties().forEach(e -> names.add(e.getKey()));
        return names;
    }

    TranscriptFormatException error(String problem) {
        return new TranscriptFormatException(file, path, problem);
    }

    TranscriptFormatException error(String name, String problem) {
        return new TranscriptFormatException(file, childPath(name), problem);
    }

    /** A required member that must be a JSON object. */
    JsonCursor object(String name) throws TranscriptFormatException {
        JsonCursor child = member(name);
        child.requireObject();
        return child;
    }

    /** A required member that is either an object or {@code null}; {@code null} is returned as null. */
    JsonCursor objectOrNull(String name) throws TranscriptFormatException {
        JsonCursor child = member(name);
        if (child.node.isNull()) {
            return null;
        }
        child.requireObject();
        return child;
    }

    /** An optional member: absent and {@code null} both give null, anything else must be an object. */
    JsonCursor optionalObject(String name) throws TranscriptFormatException {
        if (!has(name)) {
            return null;
        }
        return objectOrNull(name);
    }

    List<JsonCursor> array(String name) throws TranscriptFormatException {
        JsonCursor child = member(name);
        if (!child.node.isArray()) {
            throw child.error("expected an array, found " + describe(child.node));
        }
        List<JsonCursor> items = new ArrayList<>(child.node.size());
        for (int i = 0; i < child.node.size(); i++) {
            items.add(new JsonCursor(file, child.path + "[" + i + "]", child.node.get(i)));
        }
        return items;
    }

    String text(String name) throws TranscriptFormatException {
        JsonCursor child = member(name);
        if (!child.node.isTextual()) {
            throw child.error("expected a string, found " + describe(child.node));
        }
        return child.node.textValue();
    }

    String optionalText(String name) throws TranscriptFormatException {
        return has(name) ? text(name) : null;
    }

    /** A lowercase or uppercase hex string of even length, decoded. */
    byte[] hex(String name) throws TranscriptFormatException {
        String s = text(name);
        if (s.length() % 2 != 0) {
            throw error(name, "hex string of odd length " + s.length());
        }
        try {
            return HexFormat.of().parseHex(s);
        } catch (IllegalArgumentException e) {
            throw error(name, "not a hex string: " + e.getMessage());
        }
    }

    byte[] hex(String name, int expectedLength) throws TranscriptFormatException {
        byte[] b = hex(name);
        if (b.length != expectedLength) {
            throw error(name, "expected " + expectedLength + " bytes, found " + b.length);
        }
        return b;
    }

    byte[] optionalHex(String name) throws TranscriptFormatException {
        return has(name) ? hex(name) : null;
    }

    boolean bool(String name) throws TranscriptFormatException {
        JsonCursor child = member(name);
        if (!child.node.isBoolean()) {
            throw child.error("expected true or false, found " + describe(child.node));
        }
        return child.node.booleanValue();
    }

    /** An integer in {@code [min, max]}. */
    long integer(String name, long min, long max) throws TranscriptFormatException {
        BigInteger v = integral(name);
        if (v.compareTo(BigInteger.valueOf(min)) < 0 || v.compareTo(BigInteger.valueOf(max)) > 0) {
            throw error(name, "value " + v + " is outside " + min + ".." + max);
        }
        return v.longValue();
    }

    int intIn(String name, int min, int max) throws TranscriptFormatException {
        return (int) integer(name, min, max);
    }

    /** An unsigned 64-bit field (sequence numbers, times), returned as its two's-complement long. */
    long unsigned64(String name) throws TranscriptFormatException {
        BigInteger v = integral(name);
        if (v.signum() < 0 || v.compareTo(TWO_TO_64) >= 0) {
            throw error(name, "value " + v + " is not an unsigned 64-bit integer");
        }
        return v.longValue();
    }

    Long optionalUnsigned64(String name) throws TranscriptFormatException {
        return has(name) ? unsigned64(name) : null;
    }

    Integer optionalInt(String name, int min, int max) throws TranscriptFormatException {
        return has(name) ? intIn(name, min, max) : null;
    }

    private BigInteger integral(String name) throws TranscriptFormatException {
        JsonCursor child = member(name);
        if (!child.node.isIntegralNumber()) {
            throw child.error("expected an integer, found " + describe(child.node));
        }
        return child.node.bigIntegerValue();
    }

    private boolean has(String name) {
        JsonNode v = node.get(name);
        return v != null && !v.isNull();
    }

    private JsonCursor member(String name) throws TranscriptFormatException {
        JsonNode v = node.get(name);
        if (v == null) {
            throw error(name, "missing");
        }
        return new JsonCursor(file, childPath(name), v);
    }

    private void requireObject() throws TranscriptFormatException {
        if (!node.isObject()) {
            throw error("expected an object, found " + describe(node));
        }
    }

    private String childPath(String name) {
        return path + "." + name;
    }

    private static String describe(JsonNode n) {
        return switch (n.getNodeType()) {
            case ARRAY -> "an array";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            case NUMBER -> "a number";
            case OBJECT -> "an object";
            case STRING -> "a string";
            default -> n.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
