package io.pqagent.agent.mux;

/** The framing's fixed numbers (docs/agent-framing.md); both peers must agree on these. */
public final class MuxLimits {
    /** The first byte of every tunnel message. */
    public static final int VERSION = 1;
    /** type (1) + stream id (4) + payload length (4). */
    public static final int FRAME_HEADER_BYTES = 9;
    /** Largest DATA payload. */
    public static final int MAX_DATA = 64 * 1024;
    /** Credit each side holds for a stream the moment it is opened, before any WINDOW. */
    public static final int INITIAL_WINDOW = 64 * 1024;
    /** Most bytes a receiver ever lets a peer have in flight or buffered for one stream. */
    public static final int MAX_WINDOW = 256 * 1024;
    /** Service names: 1..64 characters of [A-Za-z0-9._-]. */
    public static final int MAX_SERVICE_NAME = 64;
    /** The optional open-time parameter: 0..1024 opaque bytes. */
    public static final int MAX_PARAMETER = 1024;
    /** A RESET's text: 0..120 printable ASCII characters. */
    public static final int MAX_RESET_TEXT = 120;
    /** A tunnel message is at most what a QSMP tunnel carries in one message. */
    public static final int MAX_MESSAGE = 16 * 1024 * 1024;
    /** Stream ids are 31-bit; the top bit is reserved and must be zero. */
    public static final int MAX_STREAM_ID = Integer.MAX_VALUE;

    private MuxLimits() {
    }
}
