package io.pqagent.agent.config;

/** Reserved for the PQS (post-quantum shell) service of a later issue: off unless enabled, port 3119 by default. */
public record PqsConfig(boolean enabled, int port) {
    public static final int DEFAULT_PORT = 3119;
    public static final PqsConfig DEFAULT = new PqsConfig(false, DEFAULT_PORT);

    public PqsConfig {
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port " + port + " is outside 1..65535");
        }
    }
}
