package io.pqagent.qsmp.handshake;

/** The Simplex server's exchange flag, one value per awaited packet. */
public enum SimplexServerState {
    AWAIT_CONNECT_REQUEST,
    CONNECT_RESPONSE_SENT,
    ESTABLISHED,
    FAILED
}
