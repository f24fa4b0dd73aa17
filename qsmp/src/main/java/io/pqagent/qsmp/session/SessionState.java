package io.pqagent.qsmp.session;

/** A session is open until it is terminated or any packet is rejected (fail closed). */
public enum SessionState {
    OPEN,
    CLOSED
}
