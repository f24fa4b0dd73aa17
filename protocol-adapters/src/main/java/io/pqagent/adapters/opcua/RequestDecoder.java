package io.pqagent.adapters.opcua;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.eclipse.milo.opcua.stack.core.encoding.binary.OpcUaBinaryDecoder;
import org.eclipse.milo.opcua.stack.core.types.UaMessageType;
import org.eclipse.milo.opcua.stack.core.types.UaRequestMessageType;
import org.eclipse.milo.opcua.stack.core.types.structured.CloseSecureChannelRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.OpenSecureChannelRequest;

/**
 * Decodes the body of a client's message with Milo's binary decoder ({@link OpcUaBinaryDecoder}, the
 * encoding id then the structure, OPC 10000-6 §5.2.9/§6.7.2.1), never by hand. Whatever Milo cannot
 * decode, and any byte left over after the structure, is malformed.
 */
final class RequestDecoder {
    private RequestDecoder() {
    }

    /** An OPN body: must be an OpenSecureChannelRequest. */
    static OpenSecureChannelRequest openSecureChannel(byte[] body) throws MalformedOpcUaException {
        if (decode(body, "OPN") instanceof OpenSecureChannelRequest r) {
            return r;
        }
        throw new MalformedOpcUaException("OPN: the body is not an OpenSecureChannelRequest");
    }

    /** A CLO body: must be a CloseSecureChannelRequest. */
    static CloseSecureChannelRequest closeSecureChannel(byte[] body) throws MalformedOpcUaException {
        if (decode(body, "CLO") instanceof CloseSecureChannelRequest r) {
            return r;
        }
        throw new MalformedOpcUaException("CLO: the body is not a CloseSecureChannelRequest");
    }

    /** A reassembled MSG body: must be a service request (not a response, not a secure-channel request). */
    static DecodedRequest serviceRequest(byte[] body) throws MalformedOpcUaException {
        BoundedEncodingContext context = new BoundedEncodingContext(body.length);
        UaMessageType m = decode(body, "MSG", context);
        if (!(m instanceof UaRequestMessageType r) || m instanceof OpenSecureChannelRequest
                || m instanceof CloseSecureChannelRequest) {
            throw new MalformedOpcUaException("MSG: a " + m.getClass().getSimpleName() + " is not a service request");
        }
        if (r.getRequestHeader() == null) {
            throw new MalformedOpcUaException("MSG: " + m.getClass().getSimpleName() + " without a request header");
        }
        return new DecodedRequest(ServiceNames.of(r), r, RequestNodes.of(r, context));
    }

    private static UaMessageType decode(byte[] body, String what) throws MalformedOpcUaException {
        return decode(body, what, new BoundedEncodingContext(body.length));
    }

    private static UaMessageType decode(byte[] body, String what, BoundedEncodingContext context)
            throws MalformedOpcUaException {
        ByteBuf buffer = Unpooled.wrappedBuffer(body);
        UaMessageType m;
        try {
            m = new OpcUaBinaryDecoder(context).setBuffer(buffer).decodeMessage(null);
        } catch (RuntimeException e) {
            // Milo reports bad bytes as UaSerializationException, but a lying length can also surface from
            // Netty (IndexOutOfBoundsException) or the JDK (NegativeArraySizeException): all mean "malformed"
            throw new MalformedOpcUaException(what + ": the body does not decode (" + describe(e) + ")");
        }
        if (m == null) {
            throw new MalformedOpcUaException(what + ": the body decodes to nothing");
        }
        if (buffer.isReadable()) {
            throw new MalformedOpcUaException(what + ": " + buffer.readableBytes() + " bytes after the "
                    + m.getClass().getSimpleName());
        }
        return m;
    }

    private static String describe(RuntimeException e) {
        String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return text.length() > 100 ? text.substring(0, 100) + "..." : text;
    }
}
