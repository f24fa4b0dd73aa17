package io.pqagent.qsmp.transport;

import io.pqagent.qsmp.handshake.Mode;
import io.pqagent.qsmp.handshake.Role;
import io.pqagent.qsmp.session.RatchetKind;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * An established QSMP tunnel over TCP. Every method may be called from any thread; the packets of calls
 * made on one thread leave in the order of those calls. Incoming messages go to the {@link TunnelHandler} given when the tunnel was
 * opened, on the tunnel's event loop.
 */
public interface Tunnel {

    Mode mode();

    Role role();

    InetSocketAddress remoteAddress();

    /** The peer's long-term verification key: the authenticated Duplex peer, or the Simplex server. */
    byte[] peerVerificationKey();

    /** Encrypts and sends one message (1 byte up to the packet limit); completes when written. */
    CompletableFuture<Void> send(byte[] message);

    /**
     * Starts a ratchet (Duplex only). Completes when this side uses the new keys: a symmetric ratchet
     * once its request is written, an asymmetric one once the peer's response has been processed.
     */
    CompletableFuture<Void> ratchet(RatchetKind kind);

    /** Orderly close: the terminate packet, then the connection. Completes when closed. */
    CompletableFuture<TunnelClosed> close();

    /** Completes once, when the tunnel is closed for any reason. */
    CompletableFuture<TunnelClosed> closeFuture();

    boolean isOpen();

    /**
     * Whether a message sent now is written at once rather than queued behind a full write buffer: open,
     * not held by a ratchet in progress, and the connection's outbound buffer below its high-water mark
     * (Netty's {@code Channel.isWritable()}, default water marks 32/64 KiB). A sender that sends only
     * while this is true keeps at most one message above the mark in memory, however slowly the peer
     * reads. Exact when asked on {@link #executor()}, a hint anywhere else. Additive API: a tunnel that
     * cannot tell says {@link #isOpen()}.
     */
    default boolean isWritable() {
        return isOpen();
    }

    /**
     * Sets the one listener (replacing any earlier one) that runs on {@link #executor()} whenever this
     * tunnel may have become writable again: its buffer drained below the low-water mark, or a ratchet
     * that held it finished. It never runs inside a call to this tunnel; it may run when nothing changed,
     * so it checks {@link #isWritable()}. Additive API: a tunnel that cannot tell never calls it.
     */
    default void onWritable(Runnable listener) {
    }

    /**
     * The single thread this tunnel's messages are delivered on. Work posted here runs in order with the
     * tunnel's own events, so a layer above (a stream multiplexer) can live on it without a thread of
     * its own and without hand-offs.
     */
    java.util.concurrent.Executor executor();

    /**
     * Replaces this tunnel's keep-alive timing from now on (profile rule 5), in place of its endpoint's
     * {@link TransportSettings}: a request every {@code interval}, the session closed with
     * {@code keepalive_expired} when one stays unanswered for {@code timeout}; an {@code interval} of
     * {@link Duration#ZERO} stops the requests. A listener serving several peers sets each one's own timing
     * this way once the tunnel is open. Takes effect on the tunnel's event loop, in order with its events.
     *
     * @throws IllegalStateException on the connecting side, which never sends requests (rule 5), or when
     *         the tunnel has no keep-alive clock
     * @throws IllegalArgumentException for a negative duration, or a zero timeout with a non-zero interval
     */
    default void setKeepAlive(Duration interval, Duration timeout) {
        throw new IllegalStateException(getClass().getSimpleName() + " has no keep-alive clock");
    }

    /** This tunnel's keep-alive as it runs now. */
    default KeepAliveStatus keepAliveStatus() {
        throw new IllegalStateException(getClass().getSimpleName() + " has no keep-alive clock");
    }
}
