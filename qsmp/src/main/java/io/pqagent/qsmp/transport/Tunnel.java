package io.pqagent.qsmp.transport;

import io.pqagent.qsmp.handshake.Mode;
import io.pqagent.qsmp.handshake.Role;
import io.pqagent.qsmp.session.RatchetKind;
import java.net.InetSocketAddress;
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
}
