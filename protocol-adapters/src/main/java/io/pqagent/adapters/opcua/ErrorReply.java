package io.pqagent.adapters.opcua;

import io.netty.buffer.ByteBuf;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.channel.messages.ErrorMessage;
import org.eclipse.milo.opcua.stack.core.channel.messages.TcpMessageEncoder;

/**
 * An ERR message (OPC 10000-6 §7.1.2.5), encoded by Milo, for a connection the filter ends on purpose
 * (a secure channel it may not let through): the client learns why instead of seeing a bare close.
 */
final class ErrorReply {
    private ErrorReply() {
    }

    /** @param reason printable ASCII (Milo writes the string's char count as its length) */
    static byte[] of(long status, String reason) {
        ByteBuf b;
        try {
            b = TcpMessageEncoder.encode(new ErrorMessage(status, reason));
        } catch (UaException e) {
            throw new IllegalStateException("Milo cannot encode an ERR message: " + e.getMessage(), e);
        }
        byte[] out = new byte[b.readableBytes()];
        b.readBytes(out);
        b.release();
        return out;
    }
}
