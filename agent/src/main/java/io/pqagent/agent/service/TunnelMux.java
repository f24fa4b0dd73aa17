package io.pqagent.agent.service;

import io.pqagent.agent.mux.ControlListener;
import io.pqagent.agent.mux.FrameSink;
import io.pqagent.agent.mux.MuxException;
import io.pqagent.agent.mux.MuxRole;
import io.pqagent.agent.mux.MuxSettings;
import io.pqagent.agent.mux.Multiplexer;
import io.pqagent.agent.mux.StreamAcceptor;
import io.pqagent.qsmp.transport.Tunnel;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A tunnel's multiplexer and the one thread that may touch it. Tunnel messages and local sockets live
 * on different event loops, so every call into the multiplexer is posted here, in order.
 */
final class TunnelMux {
    private static final Logger LOG = LoggerFactory.getLogger(TunnelMux.class);

    final String peer;
    final Tunnel tunnel;
    final Multiplexer mux;
    private final ExecutorService thread;

    TunnelMux(String peer, Tunnel tunnel, MuxRole role, StreamAcceptor acceptor, ControlListener control) {
        this.peer = peer;
        this.tunnel = tunnel;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "mux-" + peer);
            t.setDaemon(true);
            return t;
        });
        FrameSink sink = new FrameSink() {
            @Override
            public void send(byte[] message) {
                tunnel.send(message);
            }

            @Override
            public boolean isWritable() {
                return tunnel.isOpen();
            }
        };
        this.mux = new Multiplexer(role, MuxSettings.DEFAULT, sink, acceptor, control);
    }

    /** Runs {@code task} on the multiplexer's thread. */
    void run(Consumer<Multiplexer> task) {
        try {
            thread.execute(() -> {
                try {
                    task.accept(mux);
                } catch (RuntimeException e) {
                    LOG.error("peer {}: stream handling failed", peer, e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // the tunnel is gone; its streams were reset
        }
    }

    void received(byte[] message) {
        run(m -> {
            try {
                m.onMessage(message);
            } catch (MuxException e) {
                LOG.warn("peer {} broke the stream framing ({}); closing the tunnel", peer, e.getMessage());
                tunnel.close();
                m.tunnelLost();
            }
        });
    }

    void lost() {
        run(Multiplexer::tunnelLost);
        thread.shutdown();
    }
}
