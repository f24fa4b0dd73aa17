package io.pqagent.agent.pqs;

/** A PQS application message that does not follow docs/pqs.md: the session answers with ERROR and ends. */
public final class PqsFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PqsFormatException(String message) {
        super(message);
    }
}
