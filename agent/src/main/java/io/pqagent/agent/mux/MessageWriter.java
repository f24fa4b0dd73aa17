package io.pqagent.agent.mux;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Packs frames into one tunnel message: the version byte, then frames back to back. Big-endian
 * throughout. The capacity is fixed up front so a message never outgrows what the tunnel accepts.
 */
final class MessageWriter {
    private final byte[] buffer;
    private int position;

    MessageWriter(int capacity) {
        if (capacity < 1 + MuxLimits.FRAME_HEADER_BYTES + 1 || capacity > MuxLimits.MAX_MESSAGE) {
            throw new IllegalArgumentException("message capacity " + capacity + " out of range");
        }
        buffer = new byte[capacity];
        buffer[0] = (byte) MuxLimits.VERSION;
        position = 1;
    }

    /** Empties the writer for the next message, keeping its buffer. */
    void reset() {
        position = 1;
    }

    /** Bytes still free in this message. */
    int room() {
        return buffer.length - position;
    }

    boolean hasFrames() {
        return position > 1;
    }

    /** @return false (and writes nothing) when the frame does not fit */
    boolean append(MuxFrame frame) {
        int size = MuxCodec.encodedSize(frame);
        if (size > room()) {
            return false;
        }
        // Java 17: no pattern switch, so an instanceof chain over the sealed types.
        if (frame instanceof MuxFrame.Open open) {
            byte[] name = open.service().getBytes(StandardCharsets.US_ASCII);
            header(FrameType.OPEN, open.streamId(), 1 + name.length + 2 + open.parameter().length);
            buffer[position++] = (byte) name.length;
            put(name, 0, name.length);
            putShort(open.parameter().length);
            put(open.parameter(), 0, open.parameter().length);
        } else if (frame instanceof MuxFrame.Data data) {
            header(FrameType.DATA, data.streamId(), data.bytes().length);
            put(data.bytes(), 0, data.bytes().length);
        } else if (frame instanceof MuxFrame.Window window) {
            header(FrameType.WINDOW, window.streamId(), 4);
            putInt(window.credit());
        } else if (frame instanceof MuxFrame.Reset reset) {
            byte[] text = reset.text().getBytes(StandardCharsets.US_ASCII);
            header(FrameType.RESET, reset.streamId(), 2 + text.length);
            buffer[position++] = (byte) reset.code().code();
            buffer[position++] = (byte) text.length;
            put(text, 0, text.length);
        } else if (frame instanceof MuxFrame.RatchetRequest request) {
            header(FrameType.RATCHET_REQUEST, 0, 1);
            buffer[position++] = (byte) request.kind().code();
        } else if (frame instanceof MuxFrame.Ping ping) {
            header(FrameType.PING, 0, 8);
            putLong(ping.token());
        } else if (frame instanceof MuxFrame.Pong pong) {
            header(FrameType.PONG, 0, 8);
            putLong(pong.token());
        } else {
            // OPEN_OK and CLOSE: header only
            header(frame.type(), frame.streamId(), 0);
        }
        return true;
    }

    /** Starts a DATA frame whose {@code length} payload bytes follow through {@link #appendBytes}. */
    void appendDataHeader(int streamId, int length) {
        if (length < 1 || length > MuxLimits.MAX_DATA || MuxLimits.FRAME_HEADER_BYTES + length > room()) {
            throw new IllegalArgumentException("DATA of " + length + " bytes does not fit");
        }
        header(FrameType.DATA, streamId, length);
    }

    void appendBytes(byte[] source, int offset, int length) {
        put(source, offset, length);
    }

    byte[] toMessage() {
        return Arrays.copyOf(buffer, position);
    }

    private void header(FrameType type, int streamId, int length) {
        buffer[position++] = (byte) type.code();
        putInt(streamId);
        putInt(length);
    }

    private void put(byte[] source, int offset, int length) {
        System.arraycopy(source, offset, buffer, position, length);
        position += length;
    }

    private void putShort(int value) {
        buffer[position++] = (byte) (value >>> 8);
        buffer[position++] = (byte) value;
    }

    private void putInt(int value) {
        buffer[position++] = (byte) (value >>> 24);
        buffer[position++] = (byte) (value >>> 16);
        buffer[position++] = (byte) (value >>> 8);
        buffer[position++] = (byte) value;
    }

    private void putLong(long value) {
        putInt((int) (value >>> 32));
        putInt((int) value);
    }
}
