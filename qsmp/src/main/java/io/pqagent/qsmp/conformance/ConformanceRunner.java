package io.pqagent.qsmp.conformance;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs every check of a protocol material directory: the files {@code vectors/*.txt} and
 * {@code transcripts/*.json} in name order, each handed to the sources that accept it, each check run
 * in turn. A check that throws fails; it never stops the run.
 *
 * <p>Output, one line each: {@code FAIL <id>: <detail>} for every failure, {@code SKIP <id>: <reason>}
 * for every skip when verbose, and last {@code N passed, N failed, N skipped}. When nothing was checked,
 * a line saying why comes just before the count.
 */
public final class ConformanceRunner {
    static final String VECTORS = "vectors";
    static final String TRANSCRIPTS = "transcripts";

    private final List<CheckSource> sources;
    private final PrintStream out;
    private final boolean verbose;
    private int passed;
    private int failed;
    private int skipped;

    private ConformanceRunner(List<CheckSource> sources, PrintStream out, boolean verbose) {
        this.sources = List.copyOf(sources);
        this.out = out;
        this.verbose = verbose;
    }

    /** The totals of one run. */
    public record Summary(int passed, int failed, int skipped) {

        /** Nothing failed and something was actually checked. */
        public boolean succeeded() {
            return failed == 0 && passed + failed > 0;
        }

        /** {@code N passed, N failed, N skipped}. */
        public String line() {
            return passed + " passed, " + failed + " failed, " + skipped + " skipped";
        }
    }

    public static Summary run(Path dir, List<CheckSource> sources, PrintStream out) throws IOException {
        return run(dir, sources, out, false);
    }

    /**
     * @throws NoSuchFileException   if {@code dir} does not exist
     * @throws NotDirectoryException if {@code dir} is not a directory
     * @throws IOException           if a material directory cannot be listed
     */
    public static Summary run(Path dir, List<CheckSource> sources, PrintStream out, boolean verbose)
            throws IOException {
        if (!Files.exists(dir)) {
            throw new NoSuchFileException(dir.toString(), null, "no such directory");
        }
        if (!Files.isDirectory(dir)) {
            throw new NotDirectoryException(dir.toString());
        }
        List<Path> files = new ArrayList<>();
        files.addAll(list(dir.resolve(VECTORS), "*.txt"));
        files.addAll(list(dir.resolve(TRANSCRIPTS), "*.json"));
        ConformanceRunner runner = new ConformanceRunner(sources, out, verbose);
        for (Path file : files) {
            runner.runFile(dir, file);
        }
        Summary summary = new Summary(runner.passed, runner.failed, runner.skipped);
        if (files.isEmpty()) {
            out.println("nothing was checked: no " + VECTORS + "/*.txt or " + TRANSCRIPTS + "/*.json under " + dir);
        } else if (summary.passed() + summary.failed() == 0) {
            out.println("nothing was checked: no check source ran a check on the " + files.size()
                    + " files under " + dir);
        }
        out.println(summary.line());
        out.flush();
        return summary;
    }

    private static List<Path> list(Path dir, String glob) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, glob)) {
            for (Path p : stream) {
                if (Files.isRegularFile(p)) {
                    files.add(p);
                }
            }
        }
        files.sort(null);
        return files;
    }

    private void runFile(Path root, Path file) {
        // ids of file-level results use the path under the material directory, with '/' on every OS
        String fileId = root.relativize(file).toString().replace('\\', '/');
        int checks = 0;
        boolean accepted = false;
        boolean unreadable = false;
        for (CheckSource source : sources) {
            if (!source.accepts(file)) {
                continue;
            }
            accepted = true;
            List<ConformanceCheck> found;
            try {
                found = source.checksFor(file);
            } catch (Exception | LinkageError | AssertionError | StackOverflowError e) {
                record(fileId, CheckOutcome.fail("cannot read checks: " + describe(e)));
                unreadable = true;
                continue;
            }
            if (found == null) {
                found = List.of();
            }
            for (ConformanceCheck check : found) {
                checks++;
                runCheck(check);
            }
        }
        if (!accepted) {
            record(fileId, CheckOutcome.skip("no check source handles this file"));
        } else if (checks == 0 && !unreadable) {
            // an accepted file that yields nothing is a truncated file or a parser that lost its way
            record(fileId, CheckOutcome.fail("no checks found in this file"));
        }
    }

    private void runCheck(ConformanceCheck check) {
        String id;
        try {
            id = check.id();
        } catch (RuntimeException e) {
            id = check.getClass().getName();
        }
        CheckOutcome outcome;
        try {
            outcome = check.run();
            if (outcome == null) {
                outcome = CheckOutcome.fail("the check returned no outcome");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = CheckOutcome.fail(describe(e));
        } catch (Exception | LinkageError | AssertionError | StackOverflowError | OutOfMemoryError e) {
            // a check is code under test: whatever it throws is its failure, and the run goes on
            outcome = CheckOutcome.fail(describe(e));
        }
        record(id, outcome);
    }

    private void record(String id, CheckOutcome outcome) {
        switch (outcome.status()) {
            case PASS -> passed++;
            case FAIL -> {
                failed++;
                out.println("FAIL " + oneLine(id) + ": " + oneLine(outcome.detail()));
            }
            case SKIP -> {
                skipped++;
                if (verbose) {
                    out.println("SKIP " + oneLine(id) + ": " + oneLine(outcome.detail()));
                }
            }
        }
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getName()
                : e.getClass().getSimpleName() + ": " + message;
    }

    /** Keeps one result per line whatever a detail contains. */
    private static String oneLine(String s) {
        return s.strip().replaceAll("\\s*\\R\\s*", " / ");
    }
}
