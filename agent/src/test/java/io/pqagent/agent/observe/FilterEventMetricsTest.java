package io.pqagent.agent.observe;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

class FilterEventMetricsTest {
    @Test
    void eachFilterEventCountsUnderItsPeerServiceAndName() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        FilterEventMetrics events = new FilterEventMetrics(registry);
        events.count("site-b", "plc-1", "modbus_denied");
        events.count("site-b", "plc-1", "modbus_denied");
        events.count("site-b", "plc-1", "modbus_malformed");
        String scrape = registry.scrape();
        assertThat(scrape).contains("qsmp_filter_events_total{event=\"modbus_denied\",peer=\"site-b\",service=\"plc-1\"} 2.0");
        assertThat(scrape).contains("qsmp_filter_events_total{event=\"modbus_malformed\",peer=\"site-b\",service=\"plc-1\"} 1.0");
    }
}
