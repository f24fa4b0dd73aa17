package io.pqagent.qsmp.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A QSMP configuration string: the ASCII text, used everywhere on the wire and in key files as a
 * 48-byte field padded with NULs (QSMP-WIRE §1.1).
 */
public record ConfigString(String text) {
    public static final int FIELD_SIZE = 48;

    public ConfigString {
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        if (b.length == 0 || b.length >= FIELD_SIZE || text.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("configuration text must be 1..47 ASCII characters without NUL");
        }
    }

    public static ConfigString of(String text) {
        return new ConfigString(text);
    }

    /** The 48-byte NUL-padded field, a fresh copy. */
    public byte[] field() {
        return Arrays.copyOf(text.getBytes(StandardCharsets.US_ASCII), FIELD_SIZE);
    }

    /** Reads the text of a 48-byte field: everything before the first NUL. */
    public static ConfigString fromField(byte[] field, int offset) {
        int end = offset;
        while (end < offset + FIELD_SIZE && field[end] != 0) {
            end++;
        }
        return new ConfigString(new String(field, offset, end - offset, StandardCharsets.US_ASCII));
    }
}
