package io.pqagent.agent.mux;

/**
 * Which end of the tunnel this multiplexer sits on. The dialing side (the peer with the lower key id,
 * docs/agent.md) opens odd stream ids and starts ratchets; the listening side opens even ids and may
 * only ask for a ratchet.
 */
public enum MuxRole {
    DIALER(1),
    LISTENER(2);

    private final int firstStreamId;

    MuxRole(int firstStreamId) {
        this.firstStreamId = firstStreamId;
    }

    int firstStreamId() {
        return firstStreamId;
    }

    /** Whether a stream id was chosen by this role (odd: dialer, even: listener). */
    boolean owns(int streamId) {
        return (streamId & 1) == (firstStreamId & 1);
    }
}
