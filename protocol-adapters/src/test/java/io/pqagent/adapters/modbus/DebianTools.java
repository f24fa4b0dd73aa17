package io.pqagent.adapters.modbus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The independent Modbus peers from Debian that .ci/run installs: {@code mbpoll} (a libmodbus master)
 * and {@code python3-pymodbus} (run by /usr/bin/python3). Missing tools fail the test, never skip it.
 */
final class DebianTools {
    static final Path MBPOLL = Path.of("/usr/bin/mbpoll");
    static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final String INSTALL = "install with: DEBIAN_FRONTEND=noninteractive apt-get install -y mbpoll "
            + "python3-pymodbus (as .ci/run does)";

    private DebianTools() {
    }

    static void assertInstalled() throws Exception {
        assertThat(Files.isExecutable(MBPOLL)).as("mbpoll at " + MBPOLL + "; " + INSTALL).isTrue();
        assertThat(Files.isExecutable(PYTHON)).as(PYTHON + "; " + INSTALL).isTrue();
        Result r = run(List.of(PYTHON.toString(), "-c", "import pymodbus.server"), 60);
        assertThat(r.exit()).as("/usr/bin/python3 cannot import pymodbus (" + r.output().strip() + "); " + INSTALL).isZero();
    }

    record Result(int exit, String output) {
        /** The request frames mbpoll -v printed, e.g. "[00][01][00][00][00][06][01][06]...", as their function codes. */
        List<Integer> requestFunctionCodes() {
            List<Integer> out = new ArrayList<>();
            for (String line : output.lines().toList()) {
                if (line.startsWith("[") && line.length() >= 8 * 4) {
                    out.add(Integer.parseInt(line.substring(7 * 4 + 1, 7 * 4 + 3), 16));
                }
            }
            return out;
        }
    }

    /** Runs a command to its end (at most {@code seconds}), stdout and stderr together. */
    static Result run(List<String> command, int seconds) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(command + " did not end within " + seconds + " s");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
