package io.pqagent.agent.service;

import io.pqagent.agent.config.ExposeConfig;
import io.pqagent.agent.filter.FilterContext;
import io.pqagent.agent.filter.StreamFilterProvider;
import io.pqagent.agent.filter.StreamFilters;
import java.util.List;

/**
 * Each exposed target's protocol must have a filter in this build, and that filter must accept the
 * target's policy: checked when the agent starts or reloads, and by {@code run --check-config}, so a
 * mistyped policy key is a configuration error, not a surprise on the first stream.
 */
public final class ExposedFilters {
    private ExposedFilters() {
    }

    /** @throws IllegalArgumentException naming the exposed target, and the policy key where the filter says */
    public static void check(StreamFilters filters, List<ExposeConfig> exposes) {
        for (ExposeConfig e : exposes) {
            providerFor(filters, e).validate(context(e));
        }
    }

    static StreamFilterProvider providerFor(StreamFilters filters, ExposeConfig e) {
        return filters.forProtocol(e.protocol().configName()).orElseThrow(() ->
                new IllegalArgumentException("expose " + e.name() + ": protocol " + e.protocol().configName()
                        + " is not in this build (available: " + String.join(", ", filters.protocols()) + ")"));
    }

    static FilterContext context(ExposeConfig e) {
        return new FilterContext(e.name(), e.peer(), e.policy().tree());
    }
}
