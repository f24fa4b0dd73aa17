package io.pqagent.qsmp.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.pqagent.qsmp.cli.QsmpMain;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Each benchmark runs end to end in a tiny configuration and prints its figures. Only the shape of the
 * output and the exit code are checked: the figures themselves depend on the machine.
 */
class BenchCommandTest {
    private static final String S1 = "dilithium-s1_kyber-s1_sha3_rcs";
    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();

    private int run(String... args) {
        return QsmpMain.execute(args, new PrintStream(outBytes, true, StandardCharsets.UTF_8),
                new PrintStream(errBytes, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return outBytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpListsTheThreeBenchmarks() {
        assertThat(run("bench", "--help")).isZero();
        assertThat(out()).contains("handshakes").contains("idle").contains("throughput");
    }

    @Test
    void closedLoopHandshakesPrintRateLatencyAndTheGoal() {
        assertThat(run("bench", "handshakes", "--config", S1, "--clients", "2", "--seconds", "1", "--warmup", "0"))
                .as(errBytes.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out()).containsPattern("handshakes: [1-9]\\d* in 1\\.0 s = [\\d.]+/s \\(failed 0\\)")
                .containsPattern("latency \\(client-observed, connect to established\\): p50 [\\d.]+ +p99 [\\d.]+")
                .containsPattern("goal .*: (met|missed)");
    }

    @Test
    void openLoopDuplexHandshakesRun() {
        assertThat(run("bench", "handshakes", "--mode", "duplex", "--config", S1, "--rate", "20", "--seconds", "1",
                "--warmup", "0")).as(errBytes.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out()).contains("open loop, 20 handshakes/s")
                .containsPattern("handshakes: [1-9]\\d* in 1\\.0 s").doesNotContain("goal");
    }

    @Test
    void anUnknownModeIsAUsageError() {
        assertThat(run("bench", "handshakes", "--mode", "triplex")).isEqualTo(2);
        assertThat(errBytes.toString(StandardCharsets.UTF_8)).contains("simplex or duplex");
    }

    @Test
    void throughputPrintsRateAndRoundTripPerSize() {
        assertThat(run("bench", "throughput", "--config", S1, "--size", "12,1024", "--messages", "300",
                "--round-trips", "50")).as(errBytes.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out()).containsPattern("12-byte messages: 300 echoed in [\\d.]+ s = \\d+ messages/s")
                .containsPattern("1024-byte messages: 300 echoed")
                .containsPattern("12-byte round trip .*50 samples\\): p50 [\\d.]+")
                .containsPattern("1024-byte round trip .*50 samples\\)");
    }

    @Test
    void idleRunsTheClientsInAChildJvmAndReportsPerSessionFigures() {
        assertThat(run("bench", "idle", "--config", S1, "--sessions", "50", "--histogram", "3")).as(
                errBytes.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out()).contains("clients: opened 50 failed 0")
                .contains("server holds 50 established sessions")
                .containsPattern("= [\\d.]+ KiB per idle session")
                .containsPattern("after 50 more short sessions \\(churned 50 failed 0\\)")
                .containsPattern("goal .*: (met|missed)");
    }
}
