package io.pqagent.agent.mux;

/**
 * What was wrong with a tunnel message as a whole. Any of these is a tunnel-level failure: the peer
 * does not speak our framing, so the tunnel should be closed (stream-level misuse is a {@link ResetCode}).
 */
public enum MuxError {
    /** The message is empty or ends inside a frame header or payload. */
    TRUNCATED,
    /** The first byte is not a framing version we speak. */
    UNSUPPORTED_VERSION,
    /** The message holds the version byte and no frame. */
    EMPTY_MESSAGE,
    /** The message is longer than the largest we accept. */
    MESSAGE_TOO_LARGE,
    /** A frame type code we do not know. */
    UNKNOWN_FRAME_TYPE,
    /** A frame's declared payload length is above that type's maximum. */
    FRAME_TOO_LARGE,
    /** A payload whose inner fields are inconsistent (lengths, characters, trailing bytes, zero values). */
    MALFORMED_PAYLOAD,
    /** Stream id 0 on a stream frame, non-zero on a control frame, or the reserved top bit set. */
    BAD_STREAM_ID,
    /** A RESET code we do not know. */
    UNKNOWN_RESET_CODE,
    /** A RATCHET_REQUEST kind we do not know. */
    UNKNOWN_RATCHET_KIND,
    /** An OPEN whose stream id has the opener's parity wrong (odd ids belong to the dialer). */
    STREAM_ID_PARITY,
    /** An OPEN whose stream id is not above every id the peer used before. */
    STREAM_ID_REUSED,
    /** A frame this side must never receive (a RATCHET_REQUEST sent to the listening side). */
    UNEXPECTED_FRAME,
    /**
     * Control frames owed to the peer (answers to its PINGs, RESETs for its misuse, OPEN_OK, WINDOW...)
     * piled up past {@link MuxSettings#maxControlBytes()}: the peer sends faster than it reads.
     */
    CONTROL_QUEUE_FULL
}
