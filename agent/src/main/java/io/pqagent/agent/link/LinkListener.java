package io.pqagent.agent.link;

import io.pqagent.qsmp.transport.Tunnel;
import io.pqagent.qsmp.transport.TunnelClosed;

/**
 * What the links tell the layer above (the stream multiplexer). Called on the tunnel's event loop for
 * messages; do not block.
 */
public interface LinkListener {
    void onUp(String peer, Tunnel tunnel);

    void onMessage(String peer, Tunnel tunnel, byte[] message);

    void onDown(String peer, Tunnel tunnel, TunnelClosed why);
}
