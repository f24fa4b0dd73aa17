package io.pqagent.adapters.opcua;

import java.util.Arrays;

/**
 * Cuts one direction of an OPC UA TCP connection into whole messages (OPC 10000-6 §7.1.2.2: type,
 * chunk type, u32 size counting the header). The header is checked as soon as its 8 bytes are here:
 * a known type, a chunk type the type allows, a size between the type's minimum and the current limit.
 * So at most one partial message (≤ {@link #maxMessageSize()}) plus the bytes of one delivery is ever
 * held. The limit starts at {@link #PRE_ACKNOWLEDGE_LIMIT} and is raised to the sizes negotiated in
 * Hello/Acknowledge.
 */
final class UaTcpFramer {
    /**
     * Before the Acknowledge only Hello, Acknowledge and Error travel: their strings are at most 4096
     * bytes (§7.1.2.3–§7.1.2.5), so 8192 covers every well-formed one. It is also the smallest buffer
     * size a peer may announce.
     */
    static final int PRE_ACKNOWLEDGE_LIMIT = 8192;

    private final String direction;
    private byte[] buffer = new byte[1024];
    private int start;
    private int end;
    private int maxMessageSize = PRE_ACKNOWLEDGE_LIMIT;

    /** @param direction "request" or "response", for error messages */
    UaTcpFramer(String direction) {
        this.direction = direction;
    }

    int maxMessageSize() {
        return maxMessageSize;
    }

    void maxMessageSize(int limit) {
        if (limit < UaTcpMessageType.HEADER_SIZE) {
            throw new IllegalArgumentException("limit " + limit + " below the header size");
        }
        this.maxMessageSize = limit;
    }

    /** Bytes held that do not yet make a whole message. */
    int buffered() {
        return end - start;
    }

    void feed(byte[] data) {
        if (data.length == 0) {
            return;
        }
        if (buffer.length - end < data.length) {
            int held = end - start;
            if (buffer.length - held >= data.length && start > 0) {
                System.arraycopy(buffer, start, buffer, 0, held);
            } else {
                buffer = Arrays.copyOfRange(buffer, start, Math.max(buffer.length * 2, held + data.length));
            }
            start = 0;
            end = held;
        }
        System.arraycopy(data, 0, buffer, end, data.length);
        end += data.length;
    }

    /** The next whole message, or null until more bytes arrive. */
    UaTcpFrame next() throws MalformedOpcUaException {
        if (end - start < UaTcpMessageType.HEADER_SIZE) {
            return null;
        }
        UaTcpMessageType type = UaTcpMessageType.of(buffer, start);
        if (type == null) {
            throw new MalformedOpcUaException(direction + ": unknown message type 0x"
                    + hex(buffer[start]) + hex(buffer[start + 1]) + hex(buffer[start + 2]));
        }
        ChunkType chunk = ChunkType.of(buffer[start + 3]);
        if (chunk == null || (chunk != ChunkType.FINAL && !type.chunked())) {
            throw new MalformedOpcUaException(direction + ": " + type + " with chunk type 0x" + hex(buffer[start + 3])
                    + (type.chunked() ? " (F, C or A expected)" : " (only F is allowed)"));
        }
        long size = (buffer[start + 4] & 0xFFL) | (buffer[start + 5] & 0xFFL) << 8 | (buffer[start + 6] & 0xFFL) << 16
                | (buffer[start + 7] & 0xFFL) << 24;
        if (size < type.minimumSize()) {
            throw new MalformedOpcUaException(direction + ": " + type + " of " + size + " bytes, at least "
                    + type.minimumSize() + " expected");
        }
        if (size > maxMessageSize) {
            throw new MalformedOpcUaException(direction + ": " + type + " of " + size + " bytes exceeds the limit of "
                    + maxMessageSize);
        }
        if (end - start < size) {
            return null;
        }
        byte[] bytes = Arrays.copyOfRange(buffer, start, start + (int) size);
        start += (int) size;
        if (start == end) {
            start = 0;
            end = 0;
            if (buffer.length > 64 * 1024) {
                buffer = new byte[1024]; // one large message passed; do not keep its room for the stream's life
            }
        }
        return new UaTcpFrame(type, chunk, bytes);
    }

    private static String hex(byte b) {
        return String.format("%02X", b & 0xFF);
    }
}
