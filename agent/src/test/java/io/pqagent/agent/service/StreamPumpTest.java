package io.pqagent.agent.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.pqagent.agent.mux.ControlListener;
import io.pqagent.agent.mux.MuxRole;
import io.pqagent.agent.mux.ResetCode;
import io.pqagent.agent.observe.AuditLog;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

/**
 * A local socket is read on demand, one chunk at a time: the pump asks for the next read only after the
 * stream took the last chunk and said go on, and after a stop only when the stream is writable again.
 * (With {@code autoRead} the socket's event loop could read ahead of a busy multiplexer without limit,
 * and a stream handed far more than it allowed dropped the excess.)
 */
class StreamPumpTest {

    /** Counts the read requests the pump makes of its channel. */
    private static final class ReadRequests extends ChannelOutboundHandlerAdapter {
        int count;

        @Override
        public void read(ChannelHandlerContext ctx) {
            count++;
            ctx.read();
        }
    }

    @Test
    void theSocketIsReadOneChunkAtATimeAndNotAtAllWhileTheStreamSaysStop() {
        ScriptedTunnel tunnel = new ScriptedTunnel();
        TunnelMux mux = new TunnelMux("bravo", tunnel, MuxRole.DIALER,
                stream -> stream.reset(ResetCode.UNKNOWN_SERVICE, "none"), ControlListener.NONE,
                AuditLog.to(new ByteArrayOutputStream(), java.time.Clock.systemUTC()));
        ReadRequests reads = new ReadRequests();
        StreamPump pump = new StreamPump(mux);
        EmbeddedChannel socket = new EmbeddedChannel();
        socket.config().setAutoRead(false);
        socket.pipeline().addLast(reads, pump);
        pump.channel = socket;
        mux.run(m -> pump.stream = m.open("echo", new byte[0], pump));
        int before = reads.count;

        socket.writeInbound(Unpooled.wrappedBuffer(new byte[1000]));
        assertThat(reads.count - before).as("taken, so the next chunk is asked for").isEqualTo(1);

        tunnel.writable = false;
        socket.writeInbound(Unpooled.wrappedBuffer(new byte[1000]));
        assertThat(reads.count - before).as("the stream said stop: no read").isEqualTo(1);

        tunnel.becomeWritable();
        assertThat(reads.count - before).as("writable again: one read").isEqualTo(2);
        assertThat(pump.stream.pendingSendBytes()).isZero();
    }
}
