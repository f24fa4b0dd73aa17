package io.pqagent.agent.mux;

/** A tunnel message that breaks the framing; it always names the {@link MuxError}. */
public class MuxException extends Exception {
    private static final long serialVersionUID = 1L;
    private final MuxError error;

    public MuxException(MuxError error, String detail) {
        super(error + ": " + detail);
        this.error = error;
    }

    public MuxError error() {
        return error;
    }
}
