package io.pqagent.agent.cli;

import io.pqagent.agent.config.AgentConfig;
import io.pqagent.agent.pqs.PqsUsers;
import io.pqagent.agent.pqs.PqsUsersException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What every {@code pqs user} subcommand shares: finding the users file ({@code --users}, or
 * {@code pqs-users.json} in the identity directory of {@code --config}) and turning failures into one line.
 */
abstract class PqsUserAction implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "The agent's configuration (default ${DEFAULT-VALUE}).")
    Path config = AgentMain.DEFAULT_CONFIG;

    @Option(names = "--users", paramLabel = "FILE", description = "The users file itself, instead of --config.")
    Path usersFile;

    abstract int act(PqsUsers users, PrintWriter out) throws Exception;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Path file = usersFile;
        if (file == null) {
            AgentConfig cfg = AgentMain.load(config, err);
            if (cfg == null) {
                return 2;
            }
            file = cfg.identity().dir().resolve(PqsUsers.FILE_NAME);
        }
        try {
            return act(PqsUsers.open(file), spec.commandLine().getOut());
        } catch (PqsUsersException | java.io.IOException e) {
            err.println("qsmp-agent: " + e.getMessage());
            return 1;
        } catch (IllegalArgumentException e) {
            err.println("qsmp-agent: " + e.getMessage());
            return 2;
        } catch (Exception e) {
            err.println("qsmp-agent: " + e);
            return 1;
        }
    }
}
