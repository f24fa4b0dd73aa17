package io.pqagent.adapters.opcua;

/**
 * The client's Hello (OPC 10000-6 §7.1.2.3): the sizes it can take and the endpoint it asks for.
 * {@code receiveBufferSize}/{@code sendBufferSize} are the largest chunk the client receives / sends;
 * 0 for {@code maxMessageSize} or {@code maxChunkCount} means "no limit".
 */
record Hello(long protocolVersion, long receiveBufferSize, long sendBufferSize, long maxMessageSize,
        long maxChunkCount, String endpointUrl) {

    /** §7.1.2.3: "The EndpointUrl ... shall be less than 4096 bytes". */
    static final int MAX_ENDPOINT_URL = 4096;
    /** §7.1.2.3/§7.1.2.4: a buffer size "shall be at least 8192 bytes". */
    static final long MIN_BUFFER_SIZE = 8192;

    static Hello parse(UaTcpFrame frame) throws MalformedOpcUaException {
        LittleEndianReader r = new LittleEndianReader(frame.bytes(), UaTcpMessageType.HEADER_SIZE, frame.size(), "HEL");
        Hello h = new Hello(r.uint32("ProtocolVersion"), r.uint32("ReceiveBufferSize"), r.uint32("SendBufferSize"),
                r.uint32("MaxMessageSize"), r.uint32("MaxChunkCount"), r.string("EndpointUrl", MAX_ENDPOINT_URL));
        r.expectEnd();
        checkBuffer("HEL", "ReceiveBufferSize", h.receiveBufferSize);
        checkBuffer("HEL", "SendBufferSize", h.sendBufferSize);
        return h;
    }

    static void checkBuffer(String what, String field, long size) throws MalformedOpcUaException {
        if (size < MIN_BUFFER_SIZE) {
            throw new MalformedOpcUaException(what + ": " + field + " " + size + " is below the minimum of " + MIN_BUFFER_SIZE);
        }
    }
}
