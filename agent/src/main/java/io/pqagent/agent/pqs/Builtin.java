package io.pqagent.agent.pqs;

import java.util.Locale;

/**
 * The diagnostic commands the agent answers itself, with no OS process (docs/pqs.md §4). Every policy,
 * no-shell included, may run them; {@code minPrivilege} keeps the ones that change state (ratchet) or
 * show internals (audit, config-check) to the levels an operator grants.
 */
public enum Builtin {
    STATUS("status", 0, 0, "the agent's identity, links and services"),
    PEERS("peers", 0, 0, "each peer link and its state"),
    TUNNELS("tunnels", 0, 0, "open tunnels and their traffic"),
    RATCHET("ratchet", 1, 2, "ratchet PEER now"),
    METRICS("metrics", 0, 1, "a snapshot of the agent's metrics"),
    AUDIT("audit", 1, 2, "the last N audit records (default 20)"),
    CONFIG_CHECK("config-check", 0, 2, "validate the configuration file on disk"),
    KEY_EXPIRY("key-expiry", 0, 0, "when the agent's identity keys expire"),
    HELP("help", 0, 0, "this list");

    private final String verb;
    private final int maxArgs;
    private final int minPrivilege;
    private final String summary;

    Builtin(String verb, int maxArgs, int minPrivilege, String summary) {
        this.verb = verb;
        this.maxArgs = maxArgs;
        this.minPrivilege = minPrivilege;
        this.summary = summary;
    }

    public String verb() {
        return verb;
    }

    public int maxArgs() {
        return maxArgs;
    }

    public int minPrivilege() {
        return minPrivilege;
    }

    public String summary() {
        return summary;
    }

    /** The built-in for a command word, or null when there is none. */
    public static Builtin of(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        for (Builtin b : values()) {
            if (b.verb.equals(w)) {
                return b;
            }
        }
        return null;
    }
}
