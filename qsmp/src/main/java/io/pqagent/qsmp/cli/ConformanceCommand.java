package io.pqagent.qsmp.cli;

import io.pqagent.qsmp.conformance.ConformanceRunner;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code qsmp conformance DIR}: checks this implementation against the reference vectors and transcripts. */
@Command(name = "conformance",
        mixinStandardHelpOptions = true,
        versionProvider = QsmpVersion.class,
        description = {
            "Checks this implementation against the reference material in DIR:",
            "every block of vectors/*.txt and every transcripts/*.json.",
            "Prints one line per failure and ends with 'N passed, N failed, N skipped'."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every check passed (and at least one ran)",
            "1:a check failed, or nothing was checked",
            "2:invalid usage, or DIR is missing"})
final class ConformanceCommand implements Callable<Integer> {
    private static final int NOTHING_TO_RUN = 2;

    @ParentCommand
    private QsmpMain parent;

    @Parameters(index = "0", paramLabel = "DIR",
            description = "The protocol material directory, e.g. ../shared/protocol.")
    private Path dir;

    @Option(names = {"-v", "--verbose"}, description = "Also list skipped checks and why.")
    private boolean verbose;

    @Override
    public Integer call() throws IOException {
        ConformanceRunner.Summary summary;
        try {
            summary = ConformanceRunner.run(dir, parent.checkSources(), parent.out(), verbose);
        } catch (NoSuchFileException | NotDirectoryException e) {
            parent.err().println("qsmp conformance: " + dir + " is not a directory");
            return NOTHING_TO_RUN;
        }
        return summary.succeeded() ? 0 : 1;
    }
}
