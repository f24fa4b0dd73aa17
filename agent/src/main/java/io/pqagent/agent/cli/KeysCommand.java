package io.pqagent.agent.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code qsmp-agent keys show|rotate}: the agent's identity and its rotation (docs/agent.md). */
@Command(name = "keys", mixinStandardHelpOptions = true,
        description = "The agent's identity: key ids, expiry, and rotating to a new identity.",
        subcommands = {KeysShowCommand.class, KeysRotateCommand.class})
final class KeysCommand implements Runnable {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "choose: keys show, keys rotate");
    }
}
