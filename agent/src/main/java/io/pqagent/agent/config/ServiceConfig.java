package io.pqagent.agent.config;

import java.util.Objects;

/**
 * A forwarded service on the listening side: this agent accepts TCP connections on {@code listen} and
 * carries each, as one stream of the tunnel to {@code peer}, to {@code target} behind that peer (e.g.
 * local 127.0.0.1:1502 to the peer's PLC at 10.0.0.5:502). The peer connects to {@code target} only if
 * its own configuration {@link ExposeConfig exposes} it to us: a peer cannot make an agent connect anywhere.
 */
public record ServiceConfig(String name, String peer, ServiceProtocol protocol, HostPort listen, HostPort target,
        ServicePolicy policy) {
    public ServiceConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(listen, "listen");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(policy, "policy");
    }
}
