package io.pqagent.qsmp.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * {@code qsmp} as a separate JVM on the test class path, its stdin a pipe the test writes lines to, its
 * stdout and stderr collected line by line. Every wait has a deadline; {@link #close()} kills the process
 * if it is still alive, so a failed test never leaves one behind.
 */
final class CliProcess implements AutoCloseable {
    /** Generous: two cores shared by several builds, and a fresh JVM per process. */
    static final Duration WAIT = Duration.ofSeconds(60);

    private final String name;
    private final Process process;
    private final OutputStream stdin;
    private final Lines out = new Lines();
    private final Lines err = new Lines();

    private CliProcess(String name, Process process) {
        this.name = name;
        this.process = process;
        this.stdin = process.getOutputStream();
        pump(process.getInputStream(), out, name + "-stdout");
        pump(process.getErrorStream(), err, name + "-stderr");
    }

    static CliProcess start(Path workingDir, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC",
                // the test class path has slf4j-api (from ArchUnit) without a provider, whose warnings would
                // land on stderr; the tool's own class path (target/lib) has no slf4j at all
                "-Dslf4j.internal.verbosity=ERROR",
                "-cp", System.getProperty("java.class.path"),
                QsmpMain.class.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(workingDir.toFile()).start();
        return new CliProcess(args.length > 0 ? args[0] : "qsmp", p);
    }

    /** Runs {@code qsmp args} to its end with an empty stdin and returns it, ended. */
    static CliProcess run(Path workingDir, String... args) throws Exception {
        CliProcess p = start(workingDir, args);
        p.closeStdin();
        p.awaitExit();
        return p;
    }

    void type(String line) throws IOException {
        stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        stdin.flush();
    }

    void closeStdin() throws IOException {
        stdin.close();
    }

    /** Waits for a stdout line equal to {@code line}. */
    void awaitOut(String line) throws InterruptedException {
        out.await(line::equals, "stdout line '" + line + "'", this);
    }

    /** Waits for a stderr line containing {@code fragment}. */
    String awaitErr(String fragment) throws InterruptedException {
        return err.await(l -> l.contains(fragment), "stderr line containing '" + fragment + "'", this);
    }

    /** Waits until stderr has had the line {@code line} {@code count} times. */
    void awaitErrLine(String line, int count) throws InterruptedException {
        err.awaitCount(line::equals, count, count + " stderr lines '" + line + "'", this);
    }

    int awaitExit() throws InterruptedException {
        if (!process.waitFor(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError(name + " did not exit within " + WAIT + "; " + transcript());
        }
        // the pumps may still be reading the last bytes
        out.awaitClosed();
        err.awaitClosed();
        return process.exitValue();
    }

    List<String> outLines() {
        return out.snapshot();
    }

    List<String> errLines() {
        return err.snapshot();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    String transcript() {
        return name + " stdout=" + out.snapshot() + " stderr=" + err.snapshot();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private static void pump(InputStream in, Lines into, String threadName) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    into.add(line);
                }
            } catch (IOException e) {
                // the process died: what was read stays
            } finally {
                into.close();
            }
        }, threadName);
        t.setDaemon(true);
        t.start();
    }

    /** Lines of one stream, with waits for a line to appear and for the stream to end. */
    private static final class Lines {
        private final List<String> lines = new ArrayList<>();
        private boolean closed;

        synchronized void add(String line) {
            lines.add(line);
            notifyAll();
        }

        synchronized void close() {
            closed = true;
            notifyAll();
        }

        synchronized List<String> snapshot() {
            return List.copyOf(lines);
        }

        synchronized String await(Predicate<String> wanted, String what, CliProcess owner) throws InterruptedException {
            long end = System.nanoTime() + WAIT.toNanos();
            while (true) {
                for (String l : lines) {
                    if (wanted.test(l)) {
                        return l;
                    }
                }
                long left = end - System.nanoTime();
                if (closed || left <= 0) {
                    throw new AssertionError("no " + what + (closed ? " before the stream ended" : " within " + WAIT)
                            + "; " + owner.transcript());
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }

        synchronized void awaitCount(Predicate<String> wanted, int count, String what, CliProcess owner)
                throws InterruptedException {
            long end = System.nanoTime() + WAIT.toNanos();
            while (lines.stream().filter(wanted).count() < count) {
                long left = end - System.nanoTime();
                if (closed || left <= 0) {
                    throw new AssertionError("no " + what + (closed ? " before the stream ended" : " within " + WAIT)
                            + "; " + owner.transcript());
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }

        synchronized void awaitClosed() throws InterruptedException {
            long end = System.nanoTime() + WAIT.toNanos();
            while (!closed && System.nanoTime() < end) {
                TimeUnit.NANOSECONDS.timedWait(this, end - System.nanoTime());
            }
        }
    }
}
