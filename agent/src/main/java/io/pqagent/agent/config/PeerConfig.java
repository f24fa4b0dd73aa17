package io.pqagent.agent.config;

import java.util.Objects;
import java.util.Optional;

/**
 * A peer agent, named by its owner name in the directory (its keys are looked up there). The address is
 * needed only on the side that dials: of two peers the one whose name sorts first connects (docs/agent.md).
 */
public record PeerConfig(String name, Optional<HostPort> address, RatchetSchedule ratchet, KeepAlive keepAlive) {
    public PeerConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(ratchet, "ratchet");
        Objects.requireNonNull(keepAlive, "keepAlive");
    }
}
