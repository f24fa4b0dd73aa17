package io.pqagent.adapters.opcua;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.time.Instant;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.encoding.binary.OpcUaBinaryEncoder;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.structured.ResponseHeader;
import org.eclipse.milo.opcua.stack.core.types.structured.ServiceFault;

/**
 * The answer the client gets for a denied request, in the server's place: a ServiceFault (OPC 10000-4
 * §7.35) whose ResponseHeader carries the request's handle and {@code Bad_UserAccessDenied}, encoded by
 * Milo's {@link OpcUaBinaryEncoder}, in one final MSG chunk (OPC 10000-6 §6.7.2) with the request's
 * secure channel id, token id and request id. The sequence number is the filter's to give
 * ({@link SequenceNumbers}).
 */
final class DenialResponse {
    static final long STATUS = StatusCodes.Bad_UserAccessDenied;
    static final String STATUS_NAME = "Bad_UserAccessDenied";

    private DenialResponse() {
    }

    /** The encoded ServiceFault (encoding id and body), as it travels after the sequence header. */
    static byte[] serviceFault(long requestHandle, Instant now) {
        ServiceFault fault = new ServiceFault(new ResponseHeader(new DateTime(now), UInteger.valueOf(requestHandle),
                new StatusCode(STATUS), null, null, null));
        ByteBuf buffer = Unpooled.buffer(64);
        new OpcUaBinaryEncoder(new BoundedEncodingContext(64)).setBuffer(buffer).encodeMessage(null, fault);
        byte[] out = new byte[buffer.readableBytes()];
        buffer.readBytes(out);
        return out;
    }

    /** The whole MSG chunk answering {@code request} (its first chunk's headers). */
    static byte[] chunk(SecureChunk request, long sequenceNumber, long requestHandle, Instant now) {
        byte[] body = serviceFault(requestHandle, now);
        int size = UaTcpMessageType.HEADER_SIZE + 8 + SecureChunk.SEQUENCE_HEADER_SIZE + body.length;
        byte[] out = new byte[size];
        out[0] = 'M';
        out[1] = 'S';
        out[2] = 'G';
        out[3] = (byte) ChunkType.FINAL.code();
        putUint32(out, 4, size);
        putUint32(out, 8, request.secureChannelId());
        putUint32(out, 12, request.tokenId());
        putUint32(out, 16, sequenceNumber);
        putUint32(out, 20, request.requestId());
        System.arraycopy(body, 0, out, 24, body.length);
        return out;
    }

    private static void putUint32(byte[] b, int at, long v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
        b[at + 2] = (byte) (v >>> 16);
        b[at + 3] = (byte) (v >>> 24);
    }
}
