package io.pqagent.qsmp.handshake;

/** The Simplex client's exchange flag, one value per awaited packet. */
public enum SimplexClientState {
    NEW,
    CONNECT_REQUEST_SENT,
    EXCHANGE_REQUEST_SENT,
    ESTABLISHED,
    FAILED
}
