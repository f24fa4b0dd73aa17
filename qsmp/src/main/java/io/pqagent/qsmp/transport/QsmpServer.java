package io.pqagent.qsmp.transport;

import java.net.InetSocketAddress;
import java.util.Collection;

/**
 * A listening endpoint with many tunnels (the reference's multi-client server, and our Duplex
 * listener). {@link #pause()} stops accepting new connections, {@link #resume()} starts again,
 * {@link #quit()} closes every tunnel and the listening socket.
 */
public interface QsmpServer extends AutoCloseable {

    InetSocketAddress localAddress();

    /** The established tunnels at this moment. */
    Collection<Tunnel> tunnels();

    /** Handshakes in progress at this moment. */
    int handshakesInProgress();

    /** Sends {@code message} to every established tunnel. */
    void broadcast(byte[] message);

    void pause();

    void resume();

    /** Closes every tunnel (orderly) and stops listening; waits until done. */
    void quit();

    @Override
    default void close() {
        quit();
    }
}
