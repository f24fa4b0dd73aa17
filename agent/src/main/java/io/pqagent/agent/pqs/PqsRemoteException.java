package io.pqagent.agent.pqs;

/** The server answered a request with ERROR, or the session ended before it answered. */
public final class PqsRemoteException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient PqsErrorCode code;

    public PqsRemoteException(PqsErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    /** The server's error code; null when the session ended instead. */
    public PqsErrorCode code() {
        return code;
    }
}
