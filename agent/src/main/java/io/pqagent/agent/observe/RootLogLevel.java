package io.pqagent.agent.observe;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.pqagent.agent.config.LogLevel;
import org.slf4j.LoggerFactory;

/**
 * Applies the configuration's {@code log.level} to the root logger. SLF4J has no way to set a level,
 * so this speaks to Logback, the backend every launcher and unit ships; under another backend the
 * setting cannot be honoured and the agent says so instead of silently ignoring it.
 */
public final class RootLogLevel {
    private RootLogLevel() {
    }

    public static void apply(LogLevel level) {
        org.slf4j.Logger root = LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (root instanceof Logger logback) {
            logback.setLevel(Level.toLevel(level.name()));
        } else {
            root.warn("log.level {} not applied: the logging backend is {}, not Logback", level.configName(),
                    root.getClass().getName());
        }
    }
}
