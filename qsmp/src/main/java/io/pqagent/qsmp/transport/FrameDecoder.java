package io.pqagent.qsmp.transport;

import io.netty.buffer.ByteBuf;
import io.pqagent.qsmp.wire.Limits;
import io.pqagent.qsmp.wire.PacketHeader;
import io.pqagent.qsmp.wire.QsmpError;
import io.pqagent.qsmp.wire.QsmpException;
import java.util.function.ToIntFunction;

/**
 * Cuts the byte stream into {@link Frame}s. During the handshake it reads, after each header, exactly
 * the size the machine expects (QSMP-WIRE §2.5; one byte for an error packet). In the tunnel it reads
 * {@code msglen} bytes, refused before allocation when above the limit (profile rule 11). Stateless:
 * the connection keeps the received bytes and decides when the next frame may be cut, so that a
 * connection holds no decoder object and no pipeline slot of its own.
 */
final class FrameDecoder {
    private FrameDecoder() {
    }

    /**
     * Takes the next whole frame from {@code in}, or returns null, consuming nothing, if it has not all
     * arrived yet.
     *
     * @param handshakeSizer the payload size the handshake machine expects after a header; null in the tunnel
     */
    static Frame next(ByteBuf in, ToIntFunction<PacketHeader> handshakeSizer, Limits limits) throws QsmpException {
        if (in.readableBytes() < PacketHeader.SIZE) {
            return null;
        }
        byte[] head = new byte[PacketHeader.SIZE];
        in.getBytes(in.readerIndex(), head);
        PacketHeader header = PacketHeader.decode(head, 0);
        long length = handshakeSizer != null ? handshakeSizer.applyAsInt(header) : header.msglen();
        if (handshakeSizer == null && length > limits.maxTunnelMessage()) {
            throw new QsmpException(QsmpError.RECEIVE_FAILURE, "msglen " + length + " exceeds the "
                    + limits.maxTunnelMessage() + "-byte limit");
        }
        if (in.readableBytes() < PacketHeader.SIZE + length) {
            return null; // the rest has not arrived yet
        }
        in.skipBytes(PacketHeader.SIZE);
        byte[] payload = new byte[(int) length];
        in.readBytes(payload);
        return new Frame(header, payload);
    }
}
