package io.pqagent.agent.mux;

/** Where a stream is in its life (docs/agent-framing.md §4). Half-closes are tracked beside the state. */
public enum StreamState {
    /** Opened by this side; OPEN sent, OPEN_OK not yet received. Writes are allowed (within credit). */
    OPENING,
    /** Opened by the peer; waiting for the {@link StreamAcceptor} to accept or reset it. */
    AWAITING_ACCEPT,
    /** Accepted; data flows both ways until each side has sent CLOSE. */
    OPEN,
    /** Both sides sent CLOSE; the stream left the table. */
    CLOSED,
    /** Reset by either side or by tunnel loss; the stream left the table. */
    RESET
}
