package io.pqagent.agent.link;

import io.pqagent.agent.config.KeepAlive;
import io.pqagent.agent.config.RatchetSchedule;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * A configured peer: its owner name in the directory (which finds its keys), where to reach it if this
 * agent is the one that dials, its ratchet schedule (run by the dialing side), and its keep-alive (run by
 * the listening side, profile rule 5: applied to the tunnel when this agent listens for the peer).
 */
public record PeerSpec(String name, InetSocketAddress address, RatchetSchedule ratchets, KeepAlive keepAlive) {
    public PeerSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(ratchets, "ratchets");
        Objects.requireNonNull(keepAlive, "keepAlive");
    }

    /** With the default keep-alive. */
    public PeerSpec(String name, InetSocketAddress address, RatchetSchedule ratchets) {
        this(name, address, ratchets, KeepAlive.DEFAULT);
    }
}
