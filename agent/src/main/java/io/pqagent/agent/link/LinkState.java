package io.pqagent.agent.link;

/** Where a peer's tunnel stands, as status and metrics show it. */
public enum LinkState {
    /** Dialing side: a connection or handshake is in progress. */
    CONNECTING,
    /** A tunnel is established. */
    UP,
    /** Dialing side: waiting before the next attempt. */
    BACKOFF,
    /** Listening side: waiting for the peer to dial. */
    WAITING,
    /** The peer has no usable key: revoked, expired or not in the directory. Nothing is attempted. */
    NO_KEY,
    /** Removed from the configuration or the agent is stopping. */
    STOPPED
}
