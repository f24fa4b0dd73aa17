package io.pqagent.qsmp.transport;

/** How a server learns of its connections' progress, to enforce its caps. */
interface ConnectionHooks {
    ConnectionHooks NONE = new ConnectionHooks() {
    };

    /** The handshake finished, established or not. */
    default void handshakeEnded(TunnelChannel channel) {
    }

    default void established(TunnelChannel channel) {
    }

    /** The keep-alive clock of this server's sessions on {@code loop}; null: no keep-alive requests. */
    default KeepAliveSweep keepAliveSweep(io.netty.channel.EventLoop loop) {
        return null;
    }

    /** The connection is gone; called once. */
    default void closed(TunnelChannel channel) {
    }
}
