package io.pqagent.qsmp.handshake;

/** Duplex: mutual authentication, RCS-512. Simplex: the server alone is authenticated, RCS-256. */
public enum Mode {
    DUPLEX,
    SIMPLEX
}
