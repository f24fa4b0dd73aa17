package io.pqagent.qsmp.crypto;

/** The KEM could not recover a shared secret (QSMP error {@code decapsulation_failure}, 0x07). */
public final class DecapsulationException extends Exception {
    private static final long serialVersionUID = 1L;

    public DecapsulationException(String message) {
        super(message);
    }
}
