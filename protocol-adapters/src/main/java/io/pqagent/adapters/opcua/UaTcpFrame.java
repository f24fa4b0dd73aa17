package io.pqagent.adapters.opcua;

/**
 * One whole OPC UA TCP message (or message chunk) exactly as it travelled, header included. The filter
 * forwards {@link #bytes()} unchanged, or a copy with a new sequence number (see {@link SecureChunk}).
 */
record UaTcpFrame(UaTcpMessageType type, ChunkType chunkType, byte[] bytes) {

    int size() {
        return bytes.length;
    }

    @Override
    public String toString() {
        return type + "/" + chunkType.code() + " (" + bytes.length + " bytes)";
    }
}
