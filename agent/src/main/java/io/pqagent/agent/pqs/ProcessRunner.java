package io.pqagent.agent.pqs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one OS command for a PQS user (docs/pqs.md §4): a clean environment (only PATH, LANG and HOME, so
 * nothing of the agent's own environment, secrets included, leaks into it), the user's working directory,
 * stdin closed, stdout and stderr streamed back in chunks as they come, and a timeout after which the
 * process and its children are killed.
 */
public final class ProcessRunner {
    public static final String CLEAN_PATH = "/usr/local/bin:/usr/bin:/bin";
    /** Exit status reported when the agent ended the command at its timeout. */
    public static final int TIMED_OUT = -1;

    private final Path workDir;
    private final Duration timeout;

    public ProcessRunner(Path workDir, Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout " + timeout + " is not positive");
        }
        this.workDir = workDir;
        this.timeout = timeout;
    }

    /** Exit status reported when the session ended while the command ran. */
    public static final int CANCELLED = -2;
    /** How often a running command checks whether its session is still there. */
    private static final long POLL_MILLIS = 200;

    /** Runs {@code argv} to completion; returns its exit status, or {@link #TIMED_OUT}. */
    public int run(List<String> argv, OutputSink sink) throws IOException, InterruptedException {
        return run(argv, sink, () -> false);
    }

    /**
     * As {@link #run(List, OutputSink)}, killing the command early (status {@link #CANCELLED}) once
     * {@code cancelled} says so: a client that disconnects leaves nothing running behind it.
     */
    public int run(List<String> argv, OutputSink sink, java.util.function.BooleanSupplier cancelled)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(argv).directory(workDir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Map<String, String> env = pb.environment();
        env.clear();
        env.put("PATH", CLEAN_PATH);
        env.put("LANG", "C.UTF-8");
        env.put("HOME", workDir.toString());
        Process process = pb.start();
        Object lock = new Object();
        Thread out = pump(process.getInputStream(), 1, sink, lock);
        Thread err = pump(process.getErrorStream(), 2, sink, lock);
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean finished = false;
        boolean cancel = false;
        try {
            while (!finished && !cancel) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                finished = process.waitFor(Math.min(TimeUnit.NANOSECONDS.toMillis(left) + 1, POLL_MILLIS),
                        TimeUnit.MILLISECONDS);
                cancel = !finished && cancelled.getAsBoolean();
            }
        } finally {
            if (!finished) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        }
        if (!finished) {
            process.waitFor();
        }
        out.join();
        err.join();
        return finished ? process.exitValue() : cancel ? CANCELLED : TIMED_OUT;
    }

    private static Thread pump(InputStream in, int stream, OutputSink sink, Object lock) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[PqsLimits.MAX_CHUNK];
            try (in) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    byte[] chunk = Arrays.copyOf(buf, n);
                    synchronized (lock) {
                        sink.chunk(stream, chunk);
                    }
                }
            } catch (IOException closed) {
                // the process was killed at its timeout: what was read has been sent
            }
        }, "pqs-output-" + stream);
        t.setDaemon(true);
        t.start();
        return t;
    }
}
