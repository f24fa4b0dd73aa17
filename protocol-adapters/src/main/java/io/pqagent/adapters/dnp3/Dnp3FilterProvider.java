package io.pqagent.adapters.dnp3;

import io.pqagent.adapters.dnp3.policy.PolicyReader;
import io.pqagent.agent.filter.FilterContext;
import io.pqagent.agent.filter.StreamFilter;
import io.pqagent.agent.filter.StreamFilterProvider;

/** {@code protocol: dnp3}: DNP3 over TCP with the service's policy applied to every request. */
public final class Dnp3FilterProvider implements StreamFilterProvider {
    @Override
    public String protocol() {
        return "dnp3";
    }

    /** Reads the whole policy, every peer override included, so a mistake is a configuration error. */
    @Override
    public void validate(FilterContext context) {
        PolicyReader.read(context.service(), context.policy());
    }

    @Override
    public StreamFilter open(FilterContext context) {
        return new Dnp3Filter(PolicyReader.read(context.service(), context.policy()).forPeer(context.peer()));
    }
}
