package io.pqagent.agent.pqs;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One PQS account: its verifier, privilege level (0..255, shown to the client at login), shell policy with
 * the allow-listed verbs (restricted) or the forced command (forced), and the failed-login count that
 * locks it.
 */
public record PqsUser(String name, int privilege, ShellPolicy policy, List<String> allowedVerbs,
        String forcedCommand, PassphraseVerifier verifier, int failures) {
    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_.-]{0,63}");
    private static final Pattern VERB = Pattern.compile("[A-Za-z0-9_.+-]{1,64}");

    public PqsUser {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(verifier, "verifier");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("user name '" + name + "' is not [a-z_][a-z0-9_.-]{0,63}");
        }
        PqsLimits.checkU8("privilege", privilege);
        allowedVerbs = List.copyOf(allowedVerbs);
        for (String v : allowedVerbs) {
            if (!VERB.matcher(v).matches()) {
                throw new IllegalArgumentException("allowed verb '" + v + "' is not a plain command name");
            }
        }
        if (policy == ShellPolicy.RESTRICTED && allowedVerbs.isEmpty()) {
            throw new IllegalArgumentException("user " + name + ": a restricted policy needs at least one allowed verb");
        }
        if (policy == ShellPolicy.FORCED && (forcedCommand == null || forcedCommand.isBlank())) {
            throw new IllegalArgumentException("user " + name + ": a forced policy needs a forced command");
        }
        if (policy != ShellPolicy.FORCED && forcedCommand != null) {
            throw new IllegalArgumentException("user " + name + ": a forced command needs the forced policy");
        }
        if (failures < 0) {
            throw new IllegalArgumentException("failures " + failures + " is negative");
        }
    }

    public PqsUser withFailures(int count) {
        return new PqsUser(name, privilege, policy, allowedVerbs, forcedCommand, verifier, count);
    }
}
