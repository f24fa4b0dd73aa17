package io.pqagent.agent.mux;

/** The one-byte type of a mux frame (docs/agent-framing.md §2). Codes are pinned; never reuse one. */
public enum FrameType {
    OPEN(0x01, true),
    OPEN_OK(0x02, true),
    DATA(0x03, true),
    WINDOW(0x04, true),
    CLOSE(0x05, true),
    RESET(0x06, true),
    RATCHET_REQUEST(0x10, false),
    PING(0x11, false),
    PONG(0x12, false);

    private static final FrameType[] BY_CODE = new FrameType[256];

    static {
        for (FrameType t : values()) {
            BY_CODE[t.code] = t;
        }
    }

    private final int code;
    private final boolean streamFrame;

    FrameType(int code, boolean streamFrame) {
        this.code = code;
        this.streamFrame = streamFrame;
    }

    public int code() {
        return code;
    }

    /** Stream frames carry a stream id of 1 or more; control frames carry stream id 0. */
    public boolean isStreamFrame() {
        return streamFrame;
    }

    /** @return the type, or null for a code we do not know */
    static FrameType fromCode(int code) {
        return BY_CODE[code & 0xFF];
    }
}
