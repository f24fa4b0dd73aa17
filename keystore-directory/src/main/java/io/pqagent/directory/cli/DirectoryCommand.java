package io.pqagent.directory.cli;

import io.pqagent.directory.record.DirectoryException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Every subcommand: its failures become one line on stderr and an exit code, never a stack trace. */
abstract class DirectoryCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    abstract int run() throws CliFailure, DirectoryException;

    @Override
    public final Integer call() {
        try {
            return run();
        } catch (CliFailure e) {
            err().println("qsmp-directory " + spec.name() + ": " + e.getMessage());
            return e.exitCode();
        } catch (DirectoryException e) {
            err().println("qsmp-directory " + spec.name() + ": " + e.getMessage());
            return 1;
        }
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
