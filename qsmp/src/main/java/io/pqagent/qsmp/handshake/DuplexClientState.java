package io.pqagent.qsmp.handshake;

/** The Duplex client's exchange flag (the reference's {@code exflag}), one value per awaited packet. */
public enum DuplexClientState {
    NEW,
    CONNECT_REQUEST_SENT,
    EXCHANGE_REQUEST_SENT,
    ESTABLISH_REQUEST_SENT,
    ESTABLISHED,
    FAILED
}
