package io.pqagent.agent.filter;

import java.util.Map;
import java.util.Objects;

/**
 * What a filter knows about its stream: the service, the peer on the other end of the tunnel, and the
 * service's {@code policy} subtree from the configuration, which only the filter interprets.
 */
public record FilterContext(String service, String peer, Map<String, Object> policy) {
    public FilterContext {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(peer, "peer");
        policy = Map.copyOf(policy);
    }
}
