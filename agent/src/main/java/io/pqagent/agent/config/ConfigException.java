package io.pqagent.agent.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A configuration file that cannot be used. The message's first line is the first problem (file, key,
 * what is wrong), so a command that prints one line still names the setting; further problems follow,
 * one per line.
 */
public final class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient List<ConfigProblem> problems;

    public ConfigException(List<ConfigProblem> problems) {
        super(message(problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, in file order as far as the loader could tell; never empty. */
    public List<ConfigProblem> problems() {
        return problems;
    }

    private static String message(List<ConfigProblem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one problem");
        }
        return problems.stream().map(ConfigProblem::toString).collect(Collectors.joining("\n"));
    }
}
