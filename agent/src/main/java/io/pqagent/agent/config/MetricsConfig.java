package io.pqagent.agent.config;

import java.util.Objects;

/** The Prometheus scrape endpoint; loopback by default because the metrics name peers and sites. */
public record MetricsConfig(boolean enabled, HostPort listen) {
    public static final MetricsConfig DEFAULT = new MetricsConfig(false, new HostPort("127.0.0.1", 9464));

    public MetricsConfig {
        Objects.requireNonNull(listen, "listen");
    }
}
