package io.pqagent.adapters.opcua;

/**
 * The server's Acknowledge (OPC 10000-6 §7.1.2.4): the sizes that hold on this connection.
 * {@code receiveBufferSize} is the largest chunk the server takes (so the client's chunks are at most
 * this), {@code sendBufferSize} the largest it sends; {@code maxMessageSize}/{@code maxChunkCount} bound a
 * request the server accepts, 0 meaning "no limit".
 */
record Acknowledge(long protocolVersion, long receiveBufferSize, long sendBufferSize, long maxMessageSize,
        long maxChunkCount) {

    static Acknowledge parse(UaTcpFrame frame) throws MalformedOpcUaException {
        LittleEndianReader r = new LittleEndianReader(frame.bytes(), UaTcpMessageType.HEADER_SIZE, frame.size(), "ACK");
        Acknowledge a = new Acknowledge(r.uint32("ProtocolVersion"), r.uint32("ReceiveBufferSize"),
                r.uint32("SendBufferSize"), r.uint32("MaxMessageSize"), r.uint32("MaxChunkCount"));
        r.expectEnd();
        Hello.checkBuffer("ACK", "ReceiveBufferSize", a.receiveBufferSize);
        Hello.checkBuffer("ACK", "SendBufferSize", a.sendBufferSize);
        return a;
    }
}
