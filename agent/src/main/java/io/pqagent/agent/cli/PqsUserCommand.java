package io.pqagent.agent.cli;

import io.pqagent.agent.pqs.PassphraseVerifier;
import io.pqagent.agent.pqs.PqsUser;
import io.pqagent.agent.pqs.PqsUsers;
import io.pqagent.agent.pqs.ShellPolicy;
import io.pqagent.keystore.Argon2Cost;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code qsmp-agent pqs user add|del|list|unlock}: the accounts in the PQS users file. */
@Command(name = "user", mixinStandardHelpOptions = true,
        description = "PQS accounts: add (or replace), del, list, unlock.",
        subcommands = {PqsUserCommand.Add.class, PqsUserCommand.Del.class, PqsUserCommand.ListUsers.class,
            PqsUserCommand.Unlock.class})
final class PqsUserCommand implements Runnable {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "choose: user add, del, list, unlock");
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add a user or replace one (a replaced user starts unlocked); asks for the passphrase twice "
                    + "unless --passphrase-file or --passphrase-env is given.")
    static final class Add extends PqsUserAction {
        @CommandLine.Parameters(index = "0", paramLabel = "NAME")
        String name;

        @CommandLine.Option(names = "--policy", paramLabel = "POLICY", required = true,
                description = "no-shell, restricted, forced or raw.")
        String policy;

        @CommandLine.Option(names = "--allow", paramLabel = "VERB", split = ",",
                description = "Verbs a restricted user may run (comma-separated).")
        List<String> allow = new ArrayList<>();

        @CommandLine.Option(names = "--forced-command", paramLabel = "COMMAND",
                description = "What a forced user runs, whatever they type.")
        String forcedCommand;

        @CommandLine.Option(names = "--privilege", paramLabel = "0..255", defaultValue = "1",
                description = "Privilege level (default ${DEFAULT-VALUE}).")
        int privilege;

        @CommandLine.Option(names = "--passphrase-file", paramLabel = "FILE",
                description = "Read the passphrase from the first line of FILE.")
        Path passphraseFile;

        @CommandLine.Option(names = "--passphrase-env", paramLabel = "VAR",
                description = "Read the passphrase from environment variable VAR.")
        String passphraseEnv;

        @Override
        int act(PqsUsers users, PrintWriter out) throws Exception {
            byte[] passphrase = PassphraseInput.read(passphraseFile, passphraseEnv, true);
            try {
                PqsUser user = new PqsUser(name, privilege,
                        ShellPolicy.parse(policy), allow, forcedCommand,
                        PassphraseVerifier.create(passphrase,
                                Argon2Cost.DEFAULT, new SecureRandom()), 0);
                boolean replaced = users.find(name) != null;
                users.put(user);
                out.println((replaced ? "replaced " : "added ") + name + " in " + users.file());
                return 0;
            } finally {
                Arrays.fill(passphrase, (byte) 0);
            }
        }
    }

    @Command(name = "del", mixinStandardHelpOptions = true, description = "Remove a user.")
    static final class Del extends PqsUserAction {
        @CommandLine.Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Override
        int act(PqsUsers users, PrintWriter out) throws Exception {
            if (!users.remove(name)) {
                spec.commandLine().getErr().println("qsmp-agent: no PQS user " + name);
                return 1;
            }
            out.println("removed " + name);
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List users with policy and lock state.")
    static final class ListUsers extends PqsUserAction {
        @Override
        int act(PqsUsers users, PrintWriter out) throws Exception {
            out.printf("%-20s %-9s %-10s %-8s %s%n", "USER", "PRIVILEGE", "POLICY", "STATE", "ALLOWED/FORCED");
            for (PqsUser u : users.list()) {
                String detail = u.forcedCommand() != null ? u.forcedCommand() : String.join(",", u.allowedVerbs());
                String state = users.locked(u.name()) ? "locked" : u.failures() + " fail";
                out.printf("%-20s %-9d %-10s %-8s %s%n", u.name(), u.privilege(), u.policy().text(), state, detail);
            }
            return 0;
        }
    }

    @Command(name = "unlock", mixinStandardHelpOptions = true, description = "Clear a user's failed-login count.")
    static final class Unlock extends PqsUserAction {
        @CommandLine.Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Override
        int act(PqsUsers users, PrintWriter out) throws Exception {
            if (!users.unlock(name)) {
                spec.commandLine().getErr().println("qsmp-agent: no PQS user " + name);
                return 1;
            }
            out.println("unlocked " + name);
            return 0;
        }
    }
}
