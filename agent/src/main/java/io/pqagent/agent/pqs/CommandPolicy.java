package io.pqagent.agent.pqs;

import java.util.ArrayList;
import java.util.List;

/**
 * Applies a user's shell policy to one command line (docs/pqs.md §4). Outside raw mode a line is split on
 * blanks only, and any shell metacharacter refuses the whole line: no quoting, globbing, redirection,
 * substitution or chaining can reach a process, because none of it is interpreted, and refusing it says so
 * instead of passing a literal {@code ;} to a program that would not expect one.
 */
public final class CommandPolicy {
    /** Everything a POSIX shell gives meaning to, plus control characters. */
    static final String METACHARACTERS = ";&|<>`$\\\"'*?[]{}()~!#%\n\r\t\0";

    private CommandPolicy() {
    }

    public static CommandDecision decide(PqsUser user, String line) {
        String trimmed = line.strip();
        if (trimmed.isEmpty()) {
            return new CommandDecision.Refused(PqsErrorCode.MALFORMED, "empty command");
        }
        if (user.policy() == ShellPolicy.RAW) {
            List<String> words = List.of(trimmed.split(" +"));
            Builtin builtin = Builtin.of(words.get(0));
            if (builtin != null && noMetacharacter(trimmed) < 0) {
                return builtin(user, builtin, words);
            }
            return new CommandDecision.RunProcess(List.of("/bin/sh", "-c", trimmed));
        }
        int bad = noMetacharacter(trimmed);
        if (bad >= 0) {
            return new CommandDecision.Refused(PqsErrorCode.METACHARACTER,
                    "shell metacharacter " + describe(trimmed.charAt(bad)) + " at position " + (bad + 1)
                            + " is not allowed under the " + user.policy().text() + " policy");
        }
        List<String> words = List.of(trimmed.split(" +"));
        Builtin builtin = Builtin.of(words.get(0));
        if (builtin != null) {
            return builtin(user, builtin, words);
        }
        switch (user.policy()) {
            case NO_SHELL:
                return new CommandDecision.Refused(PqsErrorCode.NOT_PERMITTED,
                        "'" + words.get(0) + "' is not a built-in command and " + user.name()
                                + " may run no others (type help)");
            case RESTRICTED:
                if (!user.allowedVerbs().contains(words.get(0))) {
                    return new CommandDecision.Refused(PqsErrorCode.NOT_PERMITTED,
                            "'" + words.get(0) + "' is not allowed for " + user.name() + " (allowed: "
                                    + String.join(", ", user.allowedVerbs()) + ")");
                }
                return new CommandDecision.RunProcess(words);
            case FORCED:
                // what the user typed is ignored: the configured command runs, as sshd's ForceCommand
                return new CommandDecision.RunProcess(List.of(user.forcedCommand().strip().split(" +")));
            default:
                throw new IllegalStateException("unhandled policy " + user.policy());
        }
    }

    private static CommandDecision builtin(PqsUser user, Builtin builtin, List<String> words) {
        List<String> args = new ArrayList<>(words.subList(1, words.size()));
        if (args.size() > builtin.maxArgs()) {
            return new CommandDecision.Refused(PqsErrorCode.MALFORMED,
                    builtin.verb() + " takes at most " + builtin.maxArgs() + " argument(s)");
        }
        if (builtin == Builtin.RATCHET && args.isEmpty()) {
            return new CommandDecision.Refused(PqsErrorCode.MALFORMED, "ratchet needs a peer name");
        }
        if (user.privilege() < builtin.minPrivilege()) {
            return new CommandDecision.Refused(PqsErrorCode.NOT_PERMITTED,
                    builtin.verb() + " needs privilege " + builtin.minPrivilege() + "; " + user.name() + " has "
                            + user.privilege());
        }
        return new CommandDecision.RunBuiltin(builtin, args);
    }

    /** The index of the first metacharacter or control character, or -1. */
    static int noMetacharacter(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (METACHARACTERS.indexOf(c) >= 0 || Character.isISOControl(c)) {
                return i;
            }
        }
        return -1;
    }

    private static String describe(char c) {
        return Character.isISOControl(c) ? String.format("U+%04X", (int) c) : "'" + c + "'";
    }
}
