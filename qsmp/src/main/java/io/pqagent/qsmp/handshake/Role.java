package io.pqagent.qsmp.handshake;

/**
 * The side that opened the connection ({@code CLIENT}: Simplex client, Duplex sender) or accepted it
 * ({@code SERVER}: Simplex server, Duplex listener). The server is the reference's "receiver" when
 * ratchet keys are split (QSMP-WIRE §4.3).
 */
public enum Role {
    CLIENT,
    SERVER
}
