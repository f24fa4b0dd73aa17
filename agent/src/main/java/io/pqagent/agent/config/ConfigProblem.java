package io.pqagent.agent.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One thing wrong with a configuration file.
 *
 * @param key the setting, as a path: {@code listen.port}, {@code peers[1].address} (list indexes count
 *     from 0 in file order); empty when the problem is with the file as a whole
 * @param message what is wrong, one line
 */
public record ConfigProblem(Path file, String key, String message) {
    public ConfigProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(message, "message");
        if (message.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("a problem is one line");
        }
    }

    /** {@code file: key: message}, one line. */
    @Override
    public String toString() {
        return file + ": " + (key.isEmpty() ? "" : key + ": ") + message;
    }
}
