package io.pqagent.adapters.modbus;

/**
 * The byte stream is not Modbus/TCP or a frame breaks its own length fields: nothing after it can be
 * trusted to start on a frame boundary, so the stream is closed.
 */
public final class MalformedFrameException extends Exception {
    private static final long serialVersionUID = 1L;

    public MalformedFrameException(String reason) {
        super(reason, null, false, false);
    }

    public String reason() {
        return getMessage();
    }
}
