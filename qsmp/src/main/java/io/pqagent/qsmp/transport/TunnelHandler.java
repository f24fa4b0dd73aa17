package io.pqagent.qsmp.transport;

/** Receives a tunnel's messages and its end. Called on the tunnel's event loop: do not block. */
public interface TunnelHandler {

    void onMessage(Tunnel tunnel, byte[] message);

    /** Called once, when the handshake has completed and the tunnel can carry messages. */
    default void onOpen(Tunnel tunnel) {
    }

    /**
     * Called once, after the connection has closed: also for a connection whose handshake failed, with
     * the reason.
     */
    default void onClosed(Tunnel tunnel, TunnelClosed why) {
    }

    /** A handler that drops everything; for tunnels used only to send. */
    static TunnelHandler ignoring() {
        return (t, m) -> { };
    }
}
