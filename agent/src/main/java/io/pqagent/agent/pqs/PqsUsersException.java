package io.pqagent.agent.pqs;

/** The users file cannot be read, is malformed or too open, or a change to it is refused. */
public final class PqsUsersException extends Exception {
    private static final long serialVersionUID = 1L;

    public PqsUsersException(String message) {
        super(message);
    }

    public PqsUsersException(String message, Throwable cause) {
        super(message, cause);
    }
}
