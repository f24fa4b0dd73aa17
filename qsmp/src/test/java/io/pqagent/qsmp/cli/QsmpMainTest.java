package io.pqagent.qsmp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.pqagent.qsmp.conformance.CheckOutcome;
import io.pqagent.qsmp.conformance.CheckSource;
import io.pqagent.qsmp.conformance.ConformanceCheck;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user meets it: arguments in, exit code and text out. */
class QsmpMainTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    @Test
    void versionNamesTheProtocol() {
        assertThat(QsmpMain.execute(new String[] {"--version"}, out, err)).isZero();
        assertThat(out()).startsWith("qsmp ").contains("(QSMP 1.3)");
    }

    @Test
    void helpListsEverySubcommand() {
        assertThat(QsmpMain.execute(new String[] {"--help"}, out, err)).isZero();
        assertThat(out()).contains("Usage: qsmp").contains("conformance").contains("keygen").contains("listen")
                .contains("send").contains("server").contains("client");
    }

    @Test
    void conformanceHelpDescribesDirAndVerbose() {
        assertThat(QsmpMain.execute(new String[] {"conformance", "--help"}, out, err)).isZero();
        assertThat(out()).contains("DIR").contains("--verbose");
    }

    @Test
    void withoutASubcommandItIsAUsageError() {
        assertThat(QsmpMain.execute(new String[0], out, err)).isEqualTo(2);
        assertThat(err()).contains("missing subcommand").contains("Usage: qsmp");
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        assertThat(QsmpMain.execute(new String[] {"conformance", "--fast", dir.toString()}, out, err)).isEqualTo(2);
        assertThat(err()).contains("--fast");
    }

    @Test
    void conformanceOnAMissingDirectoryCannotRun() {
        String missing = dir.resolve("absent").toString();
        assertThat(QsmpMain.execute(new String[] {"conformance", missing}, out, err)).isEqualTo(2);
        assertThat(err()).isEqualTo("qsmp conformance: " + missing + " is not a directory" + System.lineSeparator());
        assertThat(out()).isEmpty();
    }

    @Test
    void conformanceOnAnEmptyDirectoryFailsWithTheTotalsLast() {
        assertThat(QsmpMain.execute(new String[] {"conformance", dir.toString()}, out, err)).isEqualTo(1);
        assertThat(out().lines().toList()).last().isEqualTo("0 passed, 0 failed, 0 skipped");
        assertThat(out()).contains("nothing was checked");
    }

    @Test
    void conformanceExitsZeroOnlyWhenEveryCheckPasses() throws IOException {
        Files.createDirectories(dir.resolve("vectors"));
        Files.writeString(dir.resolve("vectors/a.txt"), "x");

        int allPass = QsmpMain.execute(new String[] {"conformance", dir.toString()}, out, err,
                List.of(source(CheckOutcome.pass(), CheckOutcome.skip("n/a"))));
        assertThat(allPass).isZero();
        assertThat(out()).isEqualTo("1 passed, 0 failed, 1 skipped" + System.lineSeparator());

        outBytes.reset();
        int oneFails = QsmpMain.execute(new String[] {"conformance", "--verbose", dir.toString()}, out, err,
                List.of(source(CheckOutcome.pass(), CheckOutcome.fail("tag differs"), CheckOutcome.skip("n/a"))));
        assertThat(oneFails).isEqualTo(1);
        assertThat(out().lines().toList())
                .containsExactly("FAIL check-2: tag differs", "SKIP check-3: n/a", "1 passed, 1 failed, 1 skipped");
    }

    /** Accepts every file and yields one check per outcome, named {@code check-<n>}. */
    private static CheckSource source(CheckOutcome... outcomes) {
        return new CheckSource() {
            @Override
            public boolean accepts(Path file) {
                return true;
            }

            @Override
            public List<ConformanceCheck> checksFor(Path file) {
                return java.util.stream.IntStream.range(0, outcomes.length).<ConformanceCheck>mapToObj(i ->
                        new ConformanceCheck() {
                            @Override
                            public String id() {
                                return "check-" + (i + 1);
                            }

                            @Override
                            public CheckOutcome run() {
                                return outcomes[i];
                            }
                        }).toList();
            }
        };
    }

    private String out() {
        return outBytes.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }
}
