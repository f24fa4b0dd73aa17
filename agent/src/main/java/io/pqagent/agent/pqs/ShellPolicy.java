package io.pqagent.agent.pqs;

/** What a user may run besides the built-in diagnostic commands (docs/pqs.md §4). */
public enum ShellPolicy {
    /** Built-in diagnostics only; no OS process is ever started. */
    NO_SHELL,
    /** OS commands whose first word is on the user's allow list, without shell metacharacters. */
    RESTRICTED,
    /** Whatever the user sends, the one configured command runs (its arguments fixed in the users file). */
    FORCED,
    /** The line goes to {@code /bin/sh -c} as typed: metacharacters allowed. For administrators only. */
    RAW;

    public String text() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public static ShellPolicy parse(String text) {
        for (ShellPolicy p : values()) {
            if (p.text().equals(text)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown shell policy '" + text + "' (no-shell, restricted, forced, raw)");
    }
}
