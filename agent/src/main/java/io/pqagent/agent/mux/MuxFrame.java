package io.pqagent.agent.mux;

import java.util.Arrays;

/**
 * One frame of the stream framing (docs/agent-framing.md §2). Every frame on the wire is
 * <pre>
 *   +------+-------------+----------------+-----------------+
 *   | type | stream id   | payload length | payload         |
 *   | u8   | u32 BE      | u32 BE         | length bytes    |
 *   +------+-------------+----------------+-----------------+
 * </pre>
 * Stream frames carry a stream id of 1..2^31-1; control frames carry 0. The constructors check the
 * same rules the decoder checks, so a frame that exists can be encoded.
 */
public sealed interface MuxFrame {

    FrameType type();

    /** 0 for control frames. */
    int streamId();

    /**
     * OPEN: payload {@code name length u8 | name | parameter length u16 BE | parameter}. The opener
     * chooses the id (odd from the dialing side, even from the listening side).
     */
    record Open(int streamId, String service, byte[] parameter) implements MuxFrame {
        public Open {
            requireStreamId(streamId);
            if (!isServiceName(service)) {
                throw new IllegalArgumentException("service name must be 1.." + MuxLimits.MAX_SERVICE_NAME
                        + " characters of [A-Za-z0-9._-]");
            }
            if (parameter.length > MuxLimits.MAX_PARAMETER) {
                throw new IllegalArgumentException("open parameter is " + parameter.length + " bytes, max "
                        + MuxLimits.MAX_PARAMETER);
            }
        }

        @Override
        public FrameType type() {
            return FrameType.OPEN;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Open other && other.streamId == streamId && other.service.equals(service)
                    && Arrays.equals(other.parameter, parameter);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * streamId + service.hashCode()) + Arrays.hashCode(parameter);
        }

        @Override
        public String toString() {
            return "Open[" + streamId + ", " + service + ", parameter " + parameter.length + " bytes]";
        }
    }

    /** OPEN_OK: the acceptor took the stream; empty payload. */
    record OpenOk(int streamId) implements MuxFrame {
        public OpenOk {
            requireStreamId(streamId);
        }

        @Override
        public FrameType type() {
            return FrameType.OPEN_OK;
        }
    }

    /** DATA: 1..{@value MuxLimits#MAX_DATA} bytes of the stream; counts against the sender's credit. */
    record Data(int streamId, byte[] bytes) implements MuxFrame {
        public Data {
            requireStreamId(streamId);
            if (bytes.length == 0 || bytes.length > MuxLimits.MAX_DATA) {
                throw new IllegalArgumentException("DATA carries 1.." + MuxLimits.MAX_DATA + " bytes, not "
                        + bytes.length);
            }
        }

        @Override
        public FrameType type() {
            return FrameType.DATA;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Data other && other.streamId == streamId && Arrays.equals(other.bytes, bytes);
        }

        @Override
        public int hashCode() {
            return 31 * streamId + Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "Data[" + streamId + ", " + bytes.length + " bytes]";
        }
    }

    /** WINDOW: payload {@code credit u32 BE}, 1..{@value MuxLimits#MAX_WINDOW} more bytes the peer may send. */
    record Window(int streamId, int credit) implements MuxFrame {
        public Window {
            requireStreamId(streamId);
            if (credit < 1 || credit > MuxLimits.MAX_WINDOW) {
                throw new IllegalArgumentException("WINDOW credit must be 1.." + MuxLimits.MAX_WINDOW);
            }
        }

        @Override
        public FrameType type() {
            return FrameType.WINDOW;
        }
    }

    /** CLOSE: half-close, the sender sends no more DATA on this stream; empty payload. */
    record Close(int streamId) implements MuxFrame {
        public Close {
            requireStreamId(streamId);
        }

        @Override
        public FrameType type() {
            return FrameType.CLOSE;
        }
    }

    /** RESET: payload {@code code u8 | text length u8 | text (printable ASCII)}; the stream is gone both ways. */
    record Reset(int streamId, ResetCode code, String text) implements MuxFrame {
        public Reset {
            requireStreamId(streamId);
            if (code == null || !isResetText(text)) {
                throw new IllegalArgumentException("RESET needs a code and 0.." + MuxLimits.MAX_RESET_TEXT
                        + " printable ASCII characters");
            }
        }

        /** Builds a RESET from any diagnostic text, replacing what is not printable ASCII and cutting it to size. */
        public static Reset of(int streamId, ResetCode code, String text) {
            StringBuilder fitted = new StringBuilder();
            String source = text == null ? "" : text;
            for (int i = 0; i < source.length() && fitted.length() < MuxLimits.MAX_RESET_TEXT; i++) {
                char c = source.charAt(i);
                fitted.append(c >= 0x20 && c <= 0x7E ? c : '?');
            }
            return new Reset(streamId, code, fitted.toString());
        }

        @Override
        public FrameType type() {
            return FrameType.RESET;
        }
    }

    /** RATCHET_REQUEST: control frame, payload {@code kind u8}; only the listening side sends it. */
    record RatchetRequest(RatchetKind kind) implements MuxFrame {
        public RatchetRequest {
            if (kind == null) {
                throw new IllegalArgumentException("ratchet kind is required");
            }
        }

        @Override
        public FrameType type() {
            return FrameType.RATCHET_REQUEST;
        }

        @Override
        public int streamId() {
            return 0;
        }
    }

    /** PING: control frame, payload {@code token u64 BE}; answered by a PONG with the same token. */
    record Ping(long token) implements MuxFrame {
        @Override
        public FrameType type() {
            return FrameType.PING;
        }

        @Override
        public int streamId() {
            return 0;
        }
    }

    /** PONG: control frame, payload {@code token u64 BE}, echoing a PING. */
    record Pong(long token) implements MuxFrame {
        @Override
        public FrameType type() {
            return FrameType.PONG;
        }

        @Override
        public int streamId() {
            return 0;
        }
    }

    private static void requireStreamId(int streamId) {
        if (streamId < 1) {
            throw new IllegalArgumentException("stream id must be 1.." + MuxLimits.MAX_STREAM_ID + ", not "
                    + Integer.toUnsignedString(streamId));
        }
    }

    static boolean isServiceName(String name) {
        if (name == null || name.isEmpty() || name.length() > MuxLimits.MAX_SERVICE_NAME) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    static boolean isResetText(String text) {
        if (text == null || text.length() > MuxLimits.MAX_RESET_TEXT) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                return false;
            }
        }
        return true;
    }
}
