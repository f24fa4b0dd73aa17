package io.pqagent.agent.mux;

/**
 * The local side of one stream (a TCP connection). All calls come on the multiplexer's thread.
 */
public interface StreamHandler {

    /** The peer accepted a stream this side opened (OPEN_OK). */
    default void onOpened(MuxStream stream) {
    }

    /**
     * Bytes from the peer, in order; the array now belongs to the handler. The handler calls
     * {@link MuxStream#consumed(int)} once it has taken them (e.g. its socket write completed); until
     * then they count against the stream's window, which is how a slow consumer stops its sender.
     */
    void onData(MuxStream stream, byte[] data);

    /** The peer sent CLOSE: no more data will come (after all data already delivered). */
    void onRemoteClose(MuxStream stream);

    /** The stream is gone: the peer reset it, the tunnel was lost, or the peer broke the rules for it. */
    void onReset(MuxStream stream, ResetCode code, String text);

    /** A {@link MuxStream#write} returned false earlier and the stream has room again. */
    default void onWritable(MuxStream stream) {
    }
}
