package io.pqagent.agent.service;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.channel.socket.DuplexChannel;
import io.pqagent.agent.mux.MuxStream;
import io.pqagent.agent.mux.ResetCode;
import io.pqagent.agent.mux.StreamHandler;

/**
 * Joins one local TCP connection to one stream. The socket is read one chunk at a time, on demand
 * ({@code autoRead} stays off): the multiplexer's thread asks for the next chunk once the stream took
 * the last one and is still writable, else once it becomes writable again. So at most one read is ever
 * on its way between the socket's event loop and the multiplexer, however far ahead the socket could
 * run, and a stream that says stop (its window full, or the tunnel not writable) stops its socket.
 * Stream bytes are written to the socket and acknowledged to the peer ({@code consumed}) only once the
 * socket took them, so a socket that stops reading stalls its stream at the window and nothing else.
 *
 * <p>An optional {@code inbound} transform sits between the socket and the stream (the stream filter on
 * the target's side); without one, bytes pass unchanged.
 */
class StreamPump extends ChannelInboundHandlerAdapter implements StreamHandler {
    final TunnelMux mux;
    volatile Channel channel;
    volatile MuxStream stream;

    StreamPump(TunnelMux mux) {
        this.mux = mux;
    }

    // ---- socket side (the channel's event loop)

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf buf = (ByteBuf) msg;
        byte[] data = ByteBufUtil.getBytes(buf);
        buf.release();
        if (mux.inThread()) {
            fromSocket(data); // the usual case: the channel lives on its tunnel's loop (PeerLoopGroup)
        } else {
            mux.run(m -> fromSocket(data));
        }
    }

    /** The socket's peer finished sending (half-close): the stream's other end learns it with CLOSE. */
    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof ChannelInputShutdownEvent) {
            mux.run(m -> {
                MuxStream s = stream;
                if (s != null && !s.isLocalClosed()) {
                    s.close();
                }
            });
        }
        ctx.fireUserEventTriggered(evt);
    }

    /** The socket is gone both ways: a stream still expecting or owing data cannot complete. */
    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        mux.run(m -> {
            MuxStream s = stream;
            if (s != null && !(s.isLocalClosed() && s.isRemoteClosed())) {
                s.reset(ResetCode.CANCELLED, "local connection closed");
            }
        });
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        mux.run(m -> {
            MuxStream s = stream;
            if (s != null) {
                s.reset(ResetCode.CANCELLED, "local connection failed");
            }
        });
        ctx.close();
    }

    /** On the mux thread: socket bytes into the stream (or through the filter first), then the next read. */
    void fromSocket(byte[] data) {
        MuxStream s = stream;
        if (s != null && toStream(data)) {
            channel.read();
        }
    }

    /** On the mux thread. */
    boolean toStream(byte[] data) {
        return stream.write(data);
    }

    // ---- stream side (the mux thread)

    @Override
    public void onData(MuxStream s, byte[] data) {
        toSocket(data, () -> mux.run(m -> s.consumed(data.length)));
    }

    /** Writes to the socket and runs {@code done} once the socket took the bytes. */
    void toSocket(byte[] data, Runnable done) {
        channel.writeAndFlush(Unpooled.wrappedBuffer(data)).addListener(f -> done.run());
    }

    @Override
    public void onRemoteClose(MuxStream s) {
        Channel c = channel;
        if (c instanceof DuplexChannel d) {
            d.shutdownOutput();
        } else {
            c.close();
        }
    }

    @Override
    public void onReset(MuxStream s, ResetCode code, String text) {
        Channel c = channel;
        if (c != null) {
            c.close();
        }
    }

    @Override
    public void onWritable(MuxStream s) {
        Channel c = channel;
        if (c != null) {
            c.read();
        }
    }
}
