package io.pqagent.agent.mux;

/** Why a stream was reset: the code byte of a RESET frame (docs/agent-framing.md §5). Codes are pinned. */
public enum ResetCode {
    /** The target host refused the TCP connection. */
    CONNECTION_REFUSED(0x01),
    /** The acceptor has no service of that name. */
    UNKNOWN_SERVICE(0x02),
    /** A stream filter or policy refused the stream. */
    POLICY_DENIED(0x03),
    /** The tunnel went down; never sent, only reported locally. */
    TUNNEL_LOST(0x04),
    /** The peer broke the framing rules for this stream (e.g. data for a stream it never opened). */
    PROTOCOL_ERROR(0x05),
    /** The peer sent more than its window, or granted credit beyond the maximum window. */
    FLOW_CONTROL_ERROR(0x06),
    /** The peer sent data after its own CLOSE. */
    STREAM_CLOSED(0x07),
    /** The acceptor already holds its maximum number of streams. */
    TOO_MANY_STREAMS(0x08),
    /** The target could not be reached (timeout, no route, name not resolved). */
    TARGET_UNREACHABLE(0x09),
    /** The local side aborted the stream (its TCP peer reset the connection, or a shutdown). */
    CANCELLED(0x0A),
    /** A fault inside the agent. */
    INTERNAL_ERROR(0x0B);

    private static final ResetCode[] BY_CODE = new ResetCode[256];

    static {
        for (ResetCode c : values()) {
            BY_CODE[c.code] = c;
        }
    }

    private final int code;

    ResetCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** @return the reset code, or null for a code we do not know */
    static ResetCode fromCode(int code) {
        return BY_CODE[code & 0xFF];
    }
}
