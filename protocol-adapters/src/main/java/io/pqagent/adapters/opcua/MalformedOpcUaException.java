package io.pqagent.adapters.opcua;

/**
 * Bytes that break OPC UA TCP framing or cannot be decoded as what their header says: the filter closes
 * the stream (the tunnel and the other streams go on). The message names the field and what is wrong,
 * and never carries stream contents beyond a few header values.
 */
public final class MalformedOpcUaException extends Exception {
    private static final long serialVersionUID = 1L;

    public MalformedOpcUaException(String message) {
        super(message);
    }
}
