package io.pqagent.qsmp.transport;

import io.pqagent.qsmp.handshake.Mode;
import io.pqagent.qsmp.handshake.Role;
import io.pqagent.qsmp.session.RatchetKind;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * An established QSMP tunnel over TCP. Every method may be called from any thread; packets leave in the
 * order the calls were made. Incoming messages go to the {@link TunnelHandler} given when the tunnel was
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
