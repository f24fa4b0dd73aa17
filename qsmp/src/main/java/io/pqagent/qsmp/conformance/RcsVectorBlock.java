package io.pqagent.qsmp.conformance;

import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code [vector] ... [end]} block of rcs-kat.txt: its fields as written, in file order. Values that
 * start with {@code (none} mean "absent"; {@code (empty)} is a present, zero-length byte string.
 *
 * @param line the line number of the {@code [vector]} marker, for messages
 */
public record RcsVectorBlock(String id, int line, Map<String, String> fields) {
    public RcsVectorBlock {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** The raw value, or empty if the field is missing or marked {@code (none...)}. */
    public Optional<String> value(String name) {
        String v = fields.get(name);
        if (v == null || v.startsWith("(none")) {
            return Optional.empty();
        }
        return Optional.of(v);
    }

    public boolean has(String name) {
        return value(name).isPresent();
    }

    /** The field as bytes; {@code (empty)} is zero bytes. */
    public Optional<byte[]> bytes(String name) {
        return value(name).map(v -> decodeHex(name, v));
    }

    public byte[] requireBytes(String name) {
        return bytes(name).orElseThrow(() -> new IllegalArgumentException("field " + name + " is missing"));
    }

    public Optional<Long> number(String name) {
        return value(name).map(v -> {
            try {
                return Long.parseLong(v.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("field " + name + " is not a decimal number: " + abbreviate(v));
            }
        });
    }

    private static byte[] decodeHex(String name, String v) {
        if (v.equals("(empty)")) {
            return new byte[0];
        }
        if (v.length() % 2 != 0) {
            throw new IllegalArgumentException("field " + name + " has an odd number of hex digits (" + v.length() + ")");
        }
        try {
            return HexFormat.of().parseHex(v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("field " + name + " is not hex: " + abbreviate(v));
        }
    }

    private static String abbreviate(String v) {
        return v.length() <= 40 ? v : v.substring(0, 40) + "...";
    }
}
