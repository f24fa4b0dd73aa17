package io.pqagent.agent.config;

import java.util.Locale;

/** The root log level, spelled in the file in lower case. */
public enum LogLevel {
    TRACE, DEBUG, INFO, WARN, ERROR;

    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
