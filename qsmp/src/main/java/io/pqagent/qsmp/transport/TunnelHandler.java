package io.pqagent.qsmp.transport;

/** Receives a tunnel's messages and its end. Called on the tunnel's event loop: do not block. */
public interface TunnelHandler {

    void onMessage(Tunnel tunnel, byte[] message);

    /** Called once, after the tunnel has closed. */
    default void onClosed(Tunnel tunnel, TunnelClosed why) {
    }

    /** A handler that drops everything; for tunnels used only to send. */
    static TunnelHandler ignoring() {
        return (t, m) -> { };
    }
}
