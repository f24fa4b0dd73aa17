package io.pqagent.sim.netns;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One run of iproute2's {@code ip} with the arguments as given (a process argument list, never a shell
 * string, so scenario text cannot turn into a command), a time limit, and stderr kept for the error.
 */
final class IpCommand {
    static final long TIMEOUT_SECONDS = 10;

    private IpCommand() {
    }

    /** Runs {@code ip ARGS...} and returns its stdout; throws {@link IpCommandException} on a non-zero exit. */
    static String run(String... args) throws IOException {
        List<String> command = new ArrayList<>(args.length + 1);
        command.add("ip");
        command.addAll(List.of(args));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectInput(Redirect.from(new File("/dev/null"))).start();
        } catch (IOException e) {
            throw new IOException("`" + String.join(" ", command) + "` cannot start: " + e.getMessage(), e);
        }
        // Both pipes are drained while ip runs: a long link list must not fill a pipe and stall it.
        Drain out = new Drain(process.getInputStream());
        Drain err = new Drain(process.getErrorStream());
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("`" + String.join(" ", command) + "` did not finish within "
                        + TIMEOUT_SECONDS + " s");
            }
            String stdout = out.text();
            String stderr = err.text();
            if (process.exitValue() != 0) {
                throw new IpCommandException(command, process.exitValue(), stderr);
            }
            return stdout;
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while running `" + String.join(" ", command) + "`");
        }
    }

    /** Reads one of the child's pipes to its end on its own thread. */
    private static final class Drain {
        private final Thread thread;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private volatile IOException failure;

        Drain(InputStream in) {
            thread = new Thread(() -> {
                try (in) {
                    in.transferTo(bytes);
                } catch (IOException e) {
                    failure = e;
                }
            }, "ip-output");
            thread.setDaemon(true);
            thread.start();
        }

        /** The whole output; the process has exited, so the pipe ends at once. */
        String text() throws IOException, InterruptedException {
            thread.join(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
            if (thread.isAlive()) {
                throw new IOException("`ip` exited but its output did not end");
            }
            if (failure != null) {
                throw new IOException("reading `ip` output: " + failure.getMessage(), failure);
            }
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}
