package io.pqagent.adapters.modbus;

import io.pqagent.agent.filter.FilterContext;
import io.pqagent.agent.filter.StreamFilter;
import io.pqagent.agent.filter.StreamFilterProvider;

/**
 * {@code protocol: modbus}: found by {@link java.util.ServiceLoader}; checks the service's policy when
 * the configuration loads and gives each stream a {@link ModbusFilter} with the policy in force for the
 * stream's peer.
 */
public final class ModbusFilterProvider implements StreamFilterProvider {
    @Override
    public String protocol() {
        return "modbus";
    }

    @Override
    public void validate(FilterContext context) {
        policies(context);
    }

    @Override
    public StreamFilter open(FilterContext context) {
        return new ModbusFilter(policies(context).forPeer(context.peer()));
    }

    private static ModbusPolicies policies(FilterContext context) {
        try {
            return PolicyReader.read(context.policy());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("service " + context.service() + ": " + e.getMessage(), e);
        }
    }
}
