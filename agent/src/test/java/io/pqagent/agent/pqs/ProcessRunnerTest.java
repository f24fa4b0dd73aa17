package io.pqagent.agent.pqs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessRunnerTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    private int run(Duration timeout, String... argv) throws Exception {
        return new ProcessRunner(dir, timeout).run(List.of(argv), (stream, data) -> {
            assertThat(data.length).isLessThanOrEqualTo(PqsLimits.MAX_CHUNK);
            (stream == 1 ? stdout : stderr).writeBytes(data);
        });
    }

    @Test
    void theEnvironmentIsCleanAndTheWorkingDirectoryIsTheUsers() throws Exception {
        Files.writeString(dir.resolve("marker"), "m");
        assertThat(run(Duration.ofSeconds(30), "/bin/sh", "-c", "env; pwd; ls; echo oops >&2; exit 3")).isEqualTo(3);
        String out = stdout.toString(StandardCharsets.UTF_8);
        // what the shell itself adds (PWD, SHLVL, _) may appear; nothing of the test JVM's environment may
        assertThat(System.getenv()).containsKey("PATH").hasSizeGreaterThan(3);
        assertThat(out.lines().filter(l -> l.contains("=")).map(l -> l.substring(0, l.indexOf('='))).toList())
                .contains("PATH", "LANG", "HOME").isSubsetOf("PATH", "LANG", "HOME", "PWD", "SHLVL", "_", "OLDPWD");
        assertThat(out).contains("PATH=" + ProcessRunner.CLEAN_PATH).contains(dir.toRealPath().toString())
                .contains("marker");
        assertThat(stderr.toString(StandardCharsets.UTF_8)).isEqualTo("oops\n");
    }

    @Test
    void largeOutputStreamsBackInChunks() throws Exception {
        assertThat(run(Duration.ofSeconds(30), "/usr/bin/head", "-c", "200000", "/dev/zero")).isZero();
        assertThat(stdout.size()).isEqualTo(200_000);
    }

    @Test
    void aCommandPastItsTimeoutIsKilled() throws Exception {
        assertThat(run(Duration.ofMillis(300), "/bin/sh", "-c", "echo started; sleep 60")).isEqualTo(ProcessRunner.TIMED_OUT);
        assertThat(stdout.toString(StandardCharsets.UTF_8)).isEqualTo("started\n");
    }

    @Test
    void aCancelledCommandIsKilledWithItsChildren() throws Exception {
        Path pidFile = dir.resolve("child.pid");
        java.util.concurrent.atomic.AtomicBoolean gone = new java.util.concurrent.atomic.AtomicBoolean();
        int status = new ProcessRunner(dir, Duration.ofMinutes(10)).run(
                List.of("/bin/sh", "-c", "sleep 600 & echo $! > child.pid; echo ready; wait"),
                (stream, data) -> gone.set(true), gone::get);
        assertThat(status).isEqualTo(ProcessRunner.CANCELLED);
        long child = Long.parseLong(Files.readString(pidFile).trim());
        // SIGKILL is delivered asynchronously, and a killed orphan may linger as a zombie until reaped
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (running(child) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(running(child)).as("child " + child + " of the cancelled command").isFalse();
    }

    /** Alive and not a zombie, from /proc (Linux). */
    private static boolean running(long pid) throws java.io.IOException {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        if (!Files.exists(stat)) {
            return false;
        }
        String s;
        try {
            s = Files.readString(stat);
        } catch (java.nio.file.NoSuchFileException e) {
            return false;
        }
        char state = s.charAt(s.lastIndexOf(')') + 2);
        return state != 'Z' && state != 'X';
    }
}
