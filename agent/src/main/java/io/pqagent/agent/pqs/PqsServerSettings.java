package io.pqagent.agent.pqs;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How the PQS server runs sessions: {@code root} holds one directory per user (its working directory and
 * transfer root, created on first login), OS commands end at {@code commandTimeout}, and the server sends
 * a Simplex keep-alive every {@code keepAliveInterval} (an idle session stays open as long as the client
 * answers them).
 */
public record PqsServerSettings(Path root, Duration commandTimeout, Duration keepAliveInterval,
        Duration keepAliveTimeout) {
    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofMinutes(5);
    public static final Duration DEFAULT_KEEPALIVE = Duration.ofSeconds(60);

    public PqsServerSettings {
        Objects.requireNonNull(root, "root");
        if (commandTimeout.isNegative() || commandTimeout.isZero()) {
            throw new IllegalArgumentException("command timeout must be positive");
        }
        if (keepAliveInterval.isNegative() || keepAliveTimeout.isNegative() || keepAliveTimeout.isZero()) {
            throw new IllegalArgumentException("keep-alive interval cannot be negative and its timeout must be positive");
        }
    }

    public static PqsServerSettings defaults(Path root) {
        return new PqsServerSettings(root, DEFAULT_COMMAND_TIMEOUT, DEFAULT_KEEPALIVE, DEFAULT_KEEPALIVE.multipliedBy(2));
    }

    /** A user's working directory and transfer root. */
    public Path userRoot(String user) {
        return root.resolve(user);
    }
}
