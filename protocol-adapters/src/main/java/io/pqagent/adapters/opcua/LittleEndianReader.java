package io.pqagent.adapters.opcua;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads the few header fields of OPC UA TCP framing (OPC 10000-6 §5.2.2: little-endian integers,
 * Int32-length-prefixed strings) from one message, each read checked against the bytes left, so a
 * lying length is a {@link MalformedOpcUaException} naming the field, never an index error. Service
 * bodies are not read here: Milo's decoder does that.
 */
final class LittleEndianReader {
    private final byte[] bytes;
    private final int end;
    private final String what;
    private int position;

    /** Reads {@code bytes[from, end)}; {@code what} ("HEL", "OPN", ...) starts every error message. */
    LittleEndianReader(byte[] bytes, int from, int end, String what) {
        this.bytes = bytes;
        this.position = from;
        this.end = end;
        this.what = what;
    }

    int position() {
        return position;
    }

    int remaining() {
        return end - position;
    }

    long uint32(String field) throws MalformedOpcUaException {
        need(4, field);
        long v = (bytes[position] & 0xFFL) | (bytes[position + 1] & 0xFFL) << 8 | (bytes[position + 2] & 0xFFL) << 16
                | (bytes[position + 3] & 0xFFL) << 24;
        position += 4;
        return v;
    }

    /**
     * A ByteString (Int32 length, then the bytes): null for length -1 (OPC 10000-6 §5.2.2.7), at most
     * {@code max} bytes; any other negative length is malformed.
     */
    byte[] byteString(String field, int max) throws MalformedOpcUaException {
        long raw = uint32(field + " length");
        int length = (int) raw;
        if (length == -1) {
            return null;
        }
        if (length < 0 || length > max) {
            throw new MalformedOpcUaException(what + ": " + field + " length " + length + " outside 0.." + max);
        }
        need(length, field);
        byte[] out = new byte[length];
        System.arraycopy(bytes, position, out, 0, length);
        position += length;
        return out;
    }

    /** A String: a ByteString holding UTF-8 (§5.2.2.4); null stays null. */
    String string(String field, int max) throws MalformedOpcUaException {
        byte[] raw = byteString(field, max);
        if (raw == null) {
            return null;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedOpcUaException(what + ": " + field + " is not UTF-8");
        }
    }

    /** Fails unless every byte was read: a message longer than its fields is as suspect as a short one. */
    void expectEnd() throws MalformedOpcUaException {
        if (position != end) {
            throw new MalformedOpcUaException(what + ": " + (end - position) + " bytes after the last field");
        }
    }

    private void need(int n, String field) throws MalformedOpcUaException {
        if (n > end - position) {
            throw new MalformedOpcUaException(what + ": " + field + " needs " + n + " bytes, " + (end - position) + " left");
        }
    }
}
