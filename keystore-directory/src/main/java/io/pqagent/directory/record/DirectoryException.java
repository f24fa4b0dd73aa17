package io.pqagent.directory.record;

/** A refusal with its {@link DirectoryError}; the detail names the field or value concerned. */
public final class DirectoryException extends Exception {
    private final DirectoryError error;

    public DirectoryException(DirectoryError error, String detail) {
        super(error.message() + (detail == null || detail.isEmpty() ? "" : ": " + detail));
        this.error = error;
    }

    public DirectoryException(DirectoryError error, String detail, Throwable cause) {
        this(error, detail);
        initCause(cause);
    }

    public DirectoryError error() {
        return error;
    }
}
