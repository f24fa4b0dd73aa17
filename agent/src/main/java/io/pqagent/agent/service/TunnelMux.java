package io.pqagent.agent.service;

import io.netty.channel.EventLoop;
import io.pqagent.agent.mux.ControlListener;
import io.pqagent.agent.mux.FrameSink;
import io.pqagent.agent.mux.MuxException;
import io.pqagent.agent.mux.MuxRole;
import io.pqagent.agent.mux.MuxSettings;
import io.pqagent.agent.mux.Multiplexer;
import io.pqagent.agent.mux.StreamAcceptor;
import io.pqagent.agent.observe.AuditLog;
import io.pqagent.qsmp.transport.Tunnel;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A tunnel's multiplexer, living on the tunnel's own event loop: tunnel messages arrive there already,
 * and local sockets (on other loops) post their calls to it, in order. No thread of its own, so a
 * message crosses no extra hand-off between the tunnel and the multiplexer.
 *
 * <p>Backpressure: the multiplexer sends only while the tunnel {@link Tunnel#isWritable() is writable}
 * (its socket's outbound buffer below the water mark), tells its writers to stop meanwhile (their
 * sockets stop being read), and resumes when the tunnel says so ({@link Tunnel#onWritable}).
 */
final class TunnelMux {
    private static final Logger LOG = LoggerFactory.getLogger(TunnelMux.class);

    final String peer;
    final Tunnel tunnel;
    final Multiplexer mux;
    private final java.util.concurrent.Executor thread;
    private final EventLoop loop;
    private final AuditLog audit;
    private volatile boolean lost;

    TunnelMux(String peer, Tunnel tunnel, MuxRole role, StreamAcceptor acceptor, ControlListener control,
            AuditLog audit) {
        this.peer = peer;
        this.tunnel = tunnel;
        this.audit = audit;
        this.thread = tunnel.executor();
        this.loop = thread instanceof EventLoop l ? l : null;
        FrameSink sink = new FrameSink() {
            @Override
            public void send(byte[] message) {
                tunnel.send(message);
            }

            @Override
            public boolean isWritable() {
                return tunnel.isWritable();
            }
        };
        this.mux = new Multiplexer(role, MuxSettings.DEFAULT, sink, acceptor, control);
        // the listener runs on the tunnel's event loop, this multiplexer's thread
        tunnel.onWritable(() -> {
            if (!lost && tunnel.isWritable()) {
                mux.tunnelWritable();
            }
        });
    }

    /** The tunnel's event loop, where the service channels of this peer register; null if not a Netty loop. */
    EventLoop loop() {
        return loop;
    }

    /** Whether the caller is on the multiplexer's thread (a channel on the tunnel's loop may call it directly). */
    boolean inThread() {
        return loop != null && loop.inEventLoop();
    }

    /** Runs {@code task} on the multiplexer's thread, always later (never re-entering the multiplexer). */
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

    /** Called on the tunnel's event loop (where messages are delivered), so handled at once. */
    void received(byte[] message) {
        try {
            mux.onMessage(message);
        } catch (MuxException e) {
            LOG.warn("peer {} broke the stream framing ({}); closing the tunnel", peer, e.getMessage());
            audit.record("framing_violation", Map.of("peer", peer, "error", e.error().name(),
                    "detail", e.getMessage()));
            tunnel.close();
            mux.tunnelLost();
        } catch (RuntimeException e) {
            LOG.error("peer {}: stream handling failed", peer, e);
        }
    }

    void lost() {
        if (!lost) {
            lost = true;
            run(Multiplexer::tunnelLost);
        }
    }
}
