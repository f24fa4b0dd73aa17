package io.pqagent.agent.deploy;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the host's {@code systemd-analyze}. A missing tool is a test failure, not a skip: CI installs
 * Debian's {@code systemd} package ({@code .ci/run}) so the unit files are always checked.
 */
final class SystemdAnalyze {
    private static final Path DEFAULT = Path.of("/usr/bin/systemd-analyze");

    /** How one run exited and what it printed on each stream (warnings go to stderr). */
    record Run(int exitCode, String stdout, String stderr) {
        /** Both streams, stdout first, for messages. */
        String output() {
            return stdout + stderr;
        }

        /** The non-blank lines of both streams. */
        List<String> lines() {
            return output().lines().filter(l -> !l.isBlank()).toList();
        }
    }

    private final Path executable;

    private SystemdAnalyze(Path executable) {
        this.executable = executable;
    }

    static SystemdAnalyze locate() {
        if (Files.isExecutable(DEFAULT)) {
            return new SystemdAnalyze(DEFAULT);
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "systemd-analyze"))) {
                return new SystemdAnalyze(Path.of(dir, "systemd-analyze"));
            }
        }
        return fail("systemd-analyze is not installed (neither " + DEFAULT + " nor on PATH): the unit files in "
                + "deploy/systemd cannot be checked. Install the Debian package 'systemd' (.ci/run does).");
    }

    Run run(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.add("--no-pager");
        command.addAll(List.of(arguments));
        // stderr into a file, so that neither pipe can fill up while the other is read
        Path errors = Files.createTempFile("systemd-analyze", ".stderr");
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(errors.toFile());
        // plain, untranslated output whatever the developer's terminal settings
        builder.environment().put("SYSTEMD_COLORS", "0");
        builder.environment().put("LC_ALL", "C.UTF-8");
        Process process = builder.start();
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        // a guard against a hung tool, not a speed assertion: it finishes in well under a second
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail("systemd-analyze did not finish: " + command);
        }
        String stderr = Files.readString(errors, StandardCharsets.UTF_8);
        Files.delete(errors);
        return new Run(process.exitValue(), new String(out, StandardCharsets.UTF_8), stderr);
    }
}
