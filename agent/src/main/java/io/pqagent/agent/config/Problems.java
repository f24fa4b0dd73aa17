package io.pqagent.agent.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The problems found in one file so far; the loader keeps going after one so the operator sees them all. */
final class Problems {
    private final Path file;
    private final List<ConfigProblem> found = new ArrayList<>();

    Problems(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    void add(String key, String message) {
        found.add(new ConfigProblem(file, key, oneLine(message)));
    }

    /** True if a problem was already reported at {@code key} or below it, so "missing" is not said twice. */
    boolean reportedAt(String key) {
        return found.stream().anyMatch(p -> p.key().equals(key) || p.key().startsWith(key + ".")
                || p.key().startsWith(key + "["));
    }

    boolean any() {
        return !found.isEmpty();
    }

    void throwIfAny() throws ConfigException {
        if (!found.isEmpty()) {
            throw new ConfigException(found);
        }
    }

    /**
     * Puts the problems in the order their top-level keys appear in the file (the loader reads sections in
     * its own order), so the first line of the report is the first mistake an operator meets reading down.
     */
    void sortByTopLevelOrder(List<String> keysInFileOrder) {
        found.sort(java.util.Comparator.comparingInt(p -> {
            int i = keysInFileOrder.indexOf(p.key().split("[.\\[]", 2)[0]);
            return i < 0 ? Integer.MAX_VALUE : i;
        }));
    }

    private static String oneLine(String message) {
        return message.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
