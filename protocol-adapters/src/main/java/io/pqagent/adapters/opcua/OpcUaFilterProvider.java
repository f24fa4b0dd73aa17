package io.pqagent.adapters.opcua;

import io.pqagent.agent.filter.FilterContext;
import io.pqagent.agent.filter.StreamFilter;
import io.pqagent.agent.filter.StreamFilterProvider;
import java.time.Clock;

/**
 * {@code protocol: opcua}: found by {@link java.util.ServiceLoader}; checks the service's policy when the
 * configuration loads and gives each stream an {@link OpcUaFilter} with the policy in force for the
 * stream's peer.
 */
public final class OpcUaFilterProvider implements StreamFilterProvider {
    @Override
    public String protocol() {
        return "opcua";
    }

    @Override
    public void validate(FilterContext context) {
        policies(context);
    }

    @Override
    public StreamFilter open(FilterContext context) {
        return new OpcUaFilter(policies(context).forPeer(context.peer()), context.service(), context.peer(),
                Clock.systemUTC());
    }

    private static OpcUaPolicies policies(FilterContext context) {
        try {
            return OpcUaPolicyReader.read(context.policy());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("service " + context.service() + ": " + e.getMessage(), e);
        }
    }
}
