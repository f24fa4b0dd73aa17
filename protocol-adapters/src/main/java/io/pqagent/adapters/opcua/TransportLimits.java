package io.pqagent.adapters.opcua;

/**
 * The sizes the filter enforces once the server has acknowledged: the negotiated values of the
 * Acknowledge (OPC 10000-6 §7.1.2.4), each capped by our own bound so that a peer announcing "no
 * limit" (0) or 4 GiB cannot make one stream hold unbounded memory.
 *
 * @param requestChunk  largest chunk from the client (the server's ReceiveBufferSize)
 * @param responseChunk largest chunk from the server (its SendBufferSize)
 * @param requestMessage largest reassembled request body
 * @param requestChunks most chunks of one request, 0 for no count limit (the size still bounds it)
 */
record TransportLimits(int requestChunk, int responseChunk, int requestMessage, int requestChunks) {
    /** Our cap on one chunk, whatever was negotiated. */
    static final int MAX_CHUNK = 16 * 1024 * 1024;
    /** Our cap on one reassembled request, whatever was negotiated. */
    static final int MAX_REQUEST = 16 * 1024 * 1024;

    static TransportLimits of(Acknowledge ack) {
        return new TransportLimits(cap(ack.receiveBufferSize(), MAX_CHUNK), cap(ack.sendBufferSize(), MAX_CHUNK),
                ack.maxMessageSize() == 0 ? MAX_REQUEST : cap(ack.maxMessageSize(), MAX_REQUEST),
                (int) Math.min(ack.maxChunkCount(), Integer.MAX_VALUE));
    }

    private static int cap(long negotiated, int ours) {
        return (int) Math.min(negotiated, ours);
    }
}
