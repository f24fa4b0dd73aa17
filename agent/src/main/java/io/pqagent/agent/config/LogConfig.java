package io.pqagent.agent.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/** The operational log level, and the JSON audit log (one event per line) if one is wanted. */
public record LogConfig(LogLevel level, Optional<Path> auditLog) {
    public static final LogConfig DEFAULT = new LogConfig(LogLevel.INFO, Optional.empty());

    public LogConfig {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(auditLog, "auditLog");
    }
}
