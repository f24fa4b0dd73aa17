package io.pqagent.adapters.opcua;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Holds the chunks of each request until its final chunk arrives (OPC 10000-6 §6.7.2.2), because the
 * decision needs the whole message and nothing of a request may reach the server before it is made.
 * Chunks are kept by request id. The bounds come from the Acknowledge ({@link TransportLimits}): a
 * request's body is at most {@code requestMessage} bytes in at most {@code requestChunks} chunks, and
 * all requests held at once at most twice {@code requestMessage} bytes.
 */
final class RequestAssembler {
    private final Map<Long, List<SecureChunk>> pending = new LinkedHashMap<>();
    private long heldBytes;

    /** A whole request: its chunks, in order, and the reassembled body. */
    record Assembled(List<SecureChunk> chunks, byte[] body) {
        Assembled {
            chunks = List.copyOf(chunks);
        }

        SecureChunk first() {
            return chunks.get(0);
        }
    }

    /**
     * Takes one MSG chunk of a plaintext channel.
     *
     * @return the whole request when {@code chunk} is its final chunk; null while more is to come, and for
     *         an abort chunk, which discards the request (the server never saw any of it, so it is not told)
     */
    Assembled add(SecureChunk chunk, TransportLimits limits) throws MalformedOpcUaException {
        long id = chunk.requestId();
        if (chunk.chunkType() == ChunkType.ABORT) {
            List<SecureChunk> dropped = pending.remove(id);
            if (dropped != null) {
                dropped.forEach(c -> heldBytes -= c.frame().size());
            }
            return null;
        }
        List<SecureChunk> chunks = pending.computeIfAbsent(id, k -> new ArrayList<>());
        chunks.add(chunk);
        heldBytes += chunk.frame().size();
        long bodySize = 0;
        for (SecureChunk c : chunks) {
            bodySize += c.bodySize();
        }
        if (bodySize > limits.requestMessage()) {
            throw new MalformedOpcUaException("MSG: request " + id + " exceeds the message size limit of "
                    + limits.requestMessage() + " bytes");
        }
        if (limits.requestChunks() > 0 && chunks.size() > limits.requestChunks()) {
            throw new MalformedOpcUaException("MSG: request " + id + " exceeds the chunk count limit of "
                    + limits.requestChunks());
        }
        if (heldBytes > 2L * limits.requestMessage()) {
            throw new MalformedOpcUaException("MSG: " + pending.size() + " unfinished requests hold " + heldBytes
                    + " bytes, more than twice the message size limit");
        }
        if (chunk.chunkType() != ChunkType.FINAL) {
            return null;
        }
        pending.remove(id);
        ByteArrayOutputStream body = new ByteArrayOutputStream((int) bodySize);
        for (SecureChunk c : chunks) {
            heldBytes -= c.frame().size();
            body.write(c.frame().bytes(), c.bodyOffset(), c.bodySize());
        }
        return new Assembled(chunks, body.toByteArray());
    }

    int pendingRequests() {
        return pending.size();
    }
}
