package io.pqagent.qsmp.handshake;

/** The Duplex server's exchange flag, one value per awaited packet. */
public enum DuplexServerState {
    AWAIT_CONNECT_REQUEST,
    CONNECT_RESPONSE_SENT,
    EXCHANGE_RESPONSE_SENT,
    ESTABLISHED,
    FAILED
}
