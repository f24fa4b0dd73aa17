package io.pqagent.directory.cli;

import io.pqagent.qsmp.transport.LeakDetection;
import java.io.PrintStream;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code qsmp-directory}: the operator's tool for the key directory and the replica daemon. Exit codes:
 * 0 success, 1 refused or failed, 2 invalid usage or input.
 */
@Command(name = "qsmp-directory", mixinStandardHelpOptions = true, version = "qsmp-directory 0.1.0",
        description = "The QSMP key directory: an offline authority signs agents' keys, replicas serve them "
                + "over QSMP Simplex.",
        subcommands = {ServeCommand.class, InitAuthorityCommand.class, RegisterCommand.class, RevokeCommand.class,
            SubmitCommand.class, ListCommand.class, ShowCommand.class, BenchCommand.class,
            CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:refused or failed", "2:invalid usage or input"})
public final class DirectoryMain implements Runnable {

    public static void main(String[] args) {
        LeakDetection.offUnlessAsked();
        System.exit(execute(args, System.out, System.err));
    }

    public static int execute(String[] args, PrintStream out, PrintStream err) {
        CommandLine cli = new CommandLine(new DirectoryMain());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setParameterExceptionHandler((e, ignored) -> {
            e.getCommandLine().getErr().println("qsmp-directory: " + e.getMessage());
            e.getCommandLine().usage(e.getCommandLine().getErr());
            return 2;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "choose a command");
    }
}
