package io.pqagent.keystore;

import java.util.Objects;

/** A refusal with its {@link KeystoreError}; the detail names the file and what was found. Never holds a secret. */
public final class KeystoreException extends Exception {
    private static final long serialVersionUID = 1L;

    private final KeystoreError error;

    public KeystoreException(KeystoreError error, String detail) {
        super(error.message() + (detail == null || detail.isEmpty() ? "" : ": " + detail));
        this.error = Objects.requireNonNull(error, "error");
    }

    public KeystoreException(KeystoreError error, String detail, Throwable cause) {
        this(error, detail);
        initCause(cause);
    }

    public KeystoreError error() {
        return error;
    }
}
