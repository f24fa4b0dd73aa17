package io.pqagent.qsmp.keys;

/**
 * A key file ({@code .qskey} or {@code .qpkey}) that cannot be used, with a message naming the field or
 * line at fault and what was expected. Reading an untrusted key file fails with this and nothing else.
 */
public final class KeyFileException extends Exception {
    private static final long serialVersionUID = 1L;

    public KeyFileException(String message) {
        super(message);
    }

    public KeyFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
