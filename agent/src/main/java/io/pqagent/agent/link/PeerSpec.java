package io.pqagent.agent.link;

import io.pqagent.agent.config.RatchetSchedule;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * A configured peer: its owner name in the directory (which finds its keys), where to reach it if this
 * agent is the one that dials, and its ratchet schedule.
 */
public record PeerSpec(String name, InetSocketAddress address, RatchetSchedule ratchets) {
    public PeerSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(ratchets, "ratchets");
    }
}
