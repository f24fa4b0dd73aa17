package io.pqagent.agent.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code qsmp-agent pqs ...}: administration of the PQS maintenance shell (docs/pqs.md). */
@Command(name = "pqs", mixinStandardHelpOptions = true,
        description = "The PQS maintenance shell: its users.",
        subcommands = {PqsUserCommand.class})
final class PqsCommand implements Runnable {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "choose: pqs user");
    }
}
