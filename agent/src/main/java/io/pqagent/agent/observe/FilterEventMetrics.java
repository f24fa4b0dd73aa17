package io.pqagent.agent.observe;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;

/**
 * Stream filters' audit events as a Prometheus counter, {@code qsmp_filter_events_total{peer, service,
 * event}} (e.g. event {@code modbus_denied}), so denials and malformed frames show on a dashboard as
 * well as in the audit log.
 */
public final class FilterEventMetrics {
    private final MeterRegistry registry;

    public FilterEventMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Counts nowhere: for a service hub built without a metrics registry. */
    public static FilterEventMetrics discarding() {
        return new FilterEventMetrics(new CompositeMeterRegistry());
    }

    public void count(String peer, String service, String event) {
        Counter.builder("qsmp_filter_events").description("Stream filter audit events (denials, malformed frames)")
                .tag("peer", peer).tag("service", service).tag("event", event).register(registry).increment();
    }
}
