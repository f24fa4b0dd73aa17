package io.pqagent.qsmp.cli;

import io.pqagent.qsmp.conformance.CheckSource;
import io.pqagent.qsmp.conformance.CheckSources;
import io.pqagent.qsmp.transport.LeakDetection;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code qsmp} command: a top command that only dispatches to its subcommands, each in its own
 * class. Exit codes: 0 success, 1 the command ran and found a failure, 2 the command could not run
 * (bad usage, missing input).
 */
@Command(name = "qsmp",
        mixinStandardHelpOptions = true,
        versionProvider = QsmpVersion.class,
        description = "QSMP 1.3 (Quantum Secure Messaging Protocol) tools.",
        subcommands = {ConformanceCommand.class, KeygenCommand.class, ListenCommand.class, SendCommand.class,
            ServerCommand.class, ClientCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:a check or operation failed", "2:invalid usage or input",
            "3:the peer closed the session"})
public final class QsmpMain implements Runnable {
    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final List<CheckSource> checkSources;

    @Spec
    private CommandSpec spec;

    QsmpMain(InputStream in, PrintStream out, PrintStream err, List<CheckSource> checkSources) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.checkSources = List.copyOf(checkSources);
    }

    public static void main(String[] args) {
        LeakDetection.offUnlessAsked();
        System.exit(execute(args, System.in, System.out, System.err));
    }

    /**
     * Parses {@code args}, runs the chosen subcommand with the given streams and returns its exit code.
     * Standard input is {@link System#in}.
     */
    public static int execute(String[] args, PrintStream out, PrintStream err) {
        return execute(args, System.in, out, err);
    }

    /** As {@link #execute(String[], PrintStream, PrintStream)}, with standard input given. */
    public static int execute(String[] args, InputStream in, PrintStream out, PrintStream err) {
        return execute(args, in, out, err, CheckSources.defaults());
    }

    /** As {@link #execute(String[], PrintStream, PrintStream)}, with the conformance check sources given. */
    static int execute(String[] args, PrintStream out, PrintStream err, List<CheckSource> checkSources) {
        return execute(args, System.in, out, err, checkSources);
    }

    private static int execute(String[] args, InputStream in, PrintStream out, PrintStream err,
            List<CheckSource> checkSources) {
        CommandLine cli = new CommandLine(new QsmpMain(in, out, err, checkSources));
        cli.addSubcommand(new io.pqagent.qsmp.cli.bench.BenchCommand()); // qsmp bench (load and memory figures)
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setParameterExceptionHandler((e, ignoredArgs) -> {
            CommandLine failed = e.getCommandLine();
            if (failed.getParent() == null) {
                // no subcommand, or a wrong top-level option: show what exists
                failed.getErr().println(e.getMessage());
                failed.usage(failed.getErr());
            } else {
                // a subcommand's flag: the reason in one line, like every other failure of a command
                String name = failed.getCommandSpec().qualifiedName();
                failed.getErr().println(name + ": " + OneLine.of(e.getMessage()) + " (see '" + name + " --help')");
            }
            return failed.getCommandSpec().exitCodeOnInvalidInput();
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof CliFailure f) {
                // an expected failure: its one line, after the command's name
                commandLine.getErr().println(commandLine.getCommandSpec().qualifiedName() + ": " + f.getMessage());
                return f.exitCode();
            }
            // an unexpected error is reported in one line; the stack trace is for a debugger, not the user
            commandLine.getErr().println(commandLine.getCommandSpec().qualifiedName() + ": error: " + e);
            return CommandLine.ExitCode.SOFTWARE;
        });
        return cli.execute(args);
    }

    /** Without a subcommand there is nothing to do: say what exists. */
    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand");
    }

    InputStream in() {
        return in;
    }

    PrintStream out() {
        return out;
    }

    PrintStream err() {
        return err;
    }

    List<CheckSource> checkSources() {
        return checkSources;
    }
}
