package io.pqagent.agent.config;

import java.util.Objects;

/**
 * A target this agent connects to when {@code peer} asks for it: the other half of a peer's
 * {@link ServiceConfig}. A stream request from {@code peer} for a target not listed here is refused, so
 * the set of hosts a peer can reach through us is fixed by our own configuration.
 */
public record ExposeConfig(String name, String peer, ServiceProtocol protocol, HostPort target, ServicePolicy policy) {
    public ExposeConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(policy, "policy");
    }
}
