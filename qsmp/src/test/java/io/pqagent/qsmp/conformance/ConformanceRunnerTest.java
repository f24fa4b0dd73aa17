package io.pqagent.qsmp.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner's walk, counting and output, driven by a fake source over files in a temporary directory. */
class ConformanceRunnerTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @Test
    void countsEveryOutcomeAndPrintsOnlyFailuresThenTheTotals() throws IOException {
        write("vectors/a.txt", "PASS", "FAIL tag differs at byte 3", "SKIP not applicable");
        write("transcripts/b.json", "PASS");

        ConformanceRunner.Summary s = ConformanceRunner.run(dir, List.of(new FakeSource(".txt"),
                new FakeSource(".json")), out);

        assertThat(s).isEqualTo(new ConformanceRunner.Summary(2, 1, 1));
        assertThat(s.succeeded()).isFalse();
        assertThat(lines()).containsExactly("FAIL a.txt#2: tag differs at byte 3", "2 passed, 1 failed, 1 skipped");
    }

    @Test
    void succeedsWhenSomethingPassedAndNothingFailed() throws IOException {
        write("vectors/a.txt", "PASS", "SKIP later");

        ConformanceRunner.Summary s = ConformanceRunner.run(dir, List.of(new FakeSource(".txt")), out);

        assertThat(s.succeeded()).isTrue();
        assertThat(lines()).containsExactly("1 passed, 0 failed, 1 skipped");
    }

    @Test
    void verboseAlsoPrintsSkipsWithTheirReasons() throws IOException {
        write("vectors/a.txt", "SKIP QMAC build only", "PASS");

        ConformanceRunner.run(dir, List.of(new FakeSource(".txt")), out, true);

        assertThat(lines()).containsExactly("SKIP a.txt#1: QMAC build only", "1 passed, 0 failed, 1 skipped");
    }

    @Test
    void aCheckThatThrowsFailsAndTheRunGoesOn() throws IOException {
        write("vectors/a.txt", "THROW nonce mismatch", "ERROR expected 64 bytes", "NULL", "PASS");
        FakeSource source = new FakeSource(".txt");

        ConformanceRunner.Summary s = ConformanceRunner.run(dir, List.of(source), out);

        assertThat(source.calls).containsExactly("a.txt#1", "a.txt#2", "a.txt#3", "a.txt#4");
        assertThat(s).isEqualTo(new ConformanceRunner.Summary(1, 3, 0));
        assertThat(lines()).containsExactly(
                "FAIL a.txt#1: IllegalStateException: nonce mismatch",
                "FAIL a.txt#2: AssertionError: expected 64 bytes",
                "FAIL a.txt#3: the check returned no outcome",
                "1 passed, 3 failed, 0 skipped");
    }

    @Test
    void anUnreadableFileIsOneFailureNamedByItsPath() throws IOException {
        write("vectors/a.txt", "UNREADABLE");
        write("vectors/b.txt", "PASS");

        ConformanceRunner.Summary s = ConformanceRunner.run(dir, List.of(new FakeSource(".txt")), out);

        assertThat(s).isEqualTo(new ConformanceRunner.Summary(1, 1, 0));
        assertThat(lines()).first().isEqualTo("FAIL vectors/a.txt: cannot read checks: IOException: line 1: not a vector block");
    }

    @Test
    void anAcceptedFileWithoutChecksFails() throws IOException {
        write("vectors/a.txt");

        ConformanceRunner.Summary s = ConformanceRunner.run(dir, List.of(new FakeSource(".txt")), out);

        assertThat(s).isEqualTo(new ConformanceRunner.Summary(0, 1, 0));
        assertThat(lines()).first().isEqualTo("FAIL vectors/a.txt: no checks found in this file");
    }

    @Test
    void keepsEachFailureOnOneLine() throws IOException {
        write("vectors/a.txt", "FAIL expected 00\\n   found 01  ");

        ConformanceRunner.run(dir, List.of(new FakeSource(".txt")), out);

        assertThat(lines()).first().isEqualTo("FAIL a.txt#1: expected 00 / found 01");
    }

    @Test
    void walksVectorsThenTranscriptsInNameOrderAndNothingElse() throws IOException {
        write("transcripts/b.json", "PASS");
        write("transcripts/a.json", "PASS");
        write("transcripts/README.md", "PASS");
        write("vectors/z.txt", "PASS");
        write("vectors/notes.json", "PASS");
        write("other/c.txt", "PASS");
        FakeSource source = new FakeSource("");

        ConformanceRunner.run(dir, List.of(source), out);

        assertThat(source.calls).containsExactly("z.txt#1", "a.json#1", "b.json#1");
    }

    @Test
    void filesNoSourceAcceptsAreSkippedAndNothingCheckedIsNotSuccess() throws IOException {
        write("vectors/a.txt", "PASS");
        write("transcripts/b.json", "PASS");

        ConformanceRunner.Summary s = ConformanceRunner.run(dir, List.of(), out, true);

        assertThat(s).isEqualTo(new ConformanceRunner.Summary(0, 0, 2));
        assertThat(s.succeeded()).isFalse();
        assertThat(lines()).containsExactly(
                "SKIP vectors/a.txt: no check source handles this file",
                "SKIP transcripts/b.json: no check source handles this file",
                "nothing was checked: no check source ran a check on the 2 files under " + dir,
                "0 passed, 0 failed, 2 skipped");
    }

    @Test
    void anEmptyDirectoryIsNotSuccessAndSaysWhy() throws IOException {
        ConformanceRunner.Summary s = ConformanceRunner.run(dir, List.of(new FakeSource("")), out);

        assertThat(s.succeeded()).isFalse();
        assertThat(lines()).containsExactly(
                "nothing was checked: no vectors/*.txt or transcripts/*.json under " + dir,
                "0 passed, 0 failed, 0 skipped");
    }

    @Test
    void aMissingDirectoryIsAnError() throws IOException {
        assertThatThrownBy(() -> ConformanceRunner.run(dir.resolve("absent"), List.of(), out))
                .isInstanceOf(NoSuchFileException.class).hasMessageContaining("absent");
        Path file = Files.writeString(dir.resolve("plain"), "x");
        assertThatThrownBy(() -> ConformanceRunner.run(file, List.of(), out))
                .isInstanceOf(NotDirectoryException.class);
    }

    private void write(String relative, String... lines) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.write(file, List.of(lines), StandardCharsets.UTF_8);
    }

    private List<String> lines() {
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
