package io.pqagent.qsmp.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.pqagent.qsmp.wire.Limits;
import io.pqagent.qsmp.wire.PacketHeader;
import io.pqagent.qsmp.wire.QsmpError;
import io.pqagent.qsmp.wire.QsmpException;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Cuts the byte stream into {@link Frame}s. During the handshake it reads, after each header, exactly
 * the size the machine expects (QSMP-WIRE §2.5; one byte for an error packet), and releases one frame
 * at a time: the next is cut only once the machine has consumed the previous one, so the size question
 * never races the machine. In the tunnel it reads {@code msglen} bytes, refused before allocation when
 * above the limit (profile rule 11).
 */
final class FrameDecoder extends ByteToMessageDecoder {
    private final Limits limits;
    private ToIntFunction<PacketHeader> handshakeSizer;
    private boolean armed = true;

    FrameDecoder(Limits limits, ToIntFunction<PacketHeader> handshakeSizer) {
        this.limits = limits;
        this.handshakeSizer = handshakeSizer;
    }

    /** Allows the next handshake frame to be cut (event loop only). */
    void arm() {
        armed = true;
    }

    /** From now on frames are tunnel packets (event loop only). */
    void tunnelMode() {
        handshakeSizer = null;
        armed = true;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws QsmpException {
        if (!armed || in.readableBytes() < PacketHeader.SIZE) {
            return;
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
            return; // the rest has not arrived yet
        }
        in.skipBytes(PacketHeader.SIZE);
        byte[] payload = new byte[(int) length];
        in.readBytes(payload);
        if (handshakeSizer != null) {
            armed = false;
        }
        out.add(new Frame(header, payload));
    }
}
