package io.pqagent.agent.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real packet capture on {@code lo} with dumpcap, decoded afterwards with tshark as one protocol (its
 * tshark dissector name, e.g. {@code dnp3}) on the given ports. Both tools must be installed ({@code .ci/run}
 * installs them): a missing tool fails the test.
 */
public final class LoopbackCapture implements AutoCloseable {
    private final Path file;
    private final Path log;
    private final String decodeAs;
    private final int[] ports;
    private final Process dumpcap;

    private LoopbackCapture(Path file, Path log, String decodeAs, int[] ports, Process dumpcap) {
        this.file = file;
        this.log = log;
        this.decodeAs = decodeAs;
        this.ports = ports;
        this.dumpcap = dumpcap;
    }

    /**
     * Starts capturing TCP on {@code ports} into {@code dir/capture.pcapng} and returns once dumpcap says
     * it is capturing.
     */
    public static LoopbackCapture start(Path dir, String decodeAs, int... ports) throws Exception {
        requireTool("dumpcap");
        requireTool("tshark");
        Path file = dir.resolve("capture.pcapng");
        Path log = dir.resolve("dumpcap.log");
        List<String> filter = new ArrayList<>();
        for (int p : ports) {
            filter.add("tcp port " + p);
        }
        Process p = new ProcessBuilder("dumpcap", "-i", "lo", "-f", String.join(" or ", filter), "-w", file.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        LoopbackCapture c = new LoopbackCapture(file, log, decodeAs, ports, p);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.readString(log).contains("Capturing on")) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                p.destroyForcibly();
                throw new AssertionError("dumpcap did not start capturing on lo: " + Files.readString(log));
            }
            Thread.sleep(50);
        }
        return c;
    }

    /** Stops dumpcap (SIGTERM, so it finishes the file) and waits for it. */
    public void stop() throws Exception {
        dumpcap.destroy();
        assertThat(dumpcap.waitFor(30, TimeUnit.SECONDS)).as("dumpcap stops").isTrue();
        assertThat(Files.size(file)).as("capture written: " + Files.readString(log)).isPositive();
    }

    /** tshark's one line per packet matching {@code displayFilter}, with the {@code fields} asked for. */
    public List<String> decode(String displayFilter, String... fields) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("tshark", "-n", "-r", file.toString()));
        for (int p : ports) {
            cmd.addAll(List.of("-d", "tcp.port==" + p + "," + decodeAs));
        }
        cmd.addAll(List.of("-Y", displayFilter, "-T", "fields"));
        for (String f : fields) {
            cmd.addAll(List.of("-e", f));
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("tshark " + String.join(" ", cmd) + ": " + err).isZero();
        return out.lines().filter(l -> !l.isBlank()).toList();
    }

    /** Fails the test, naming the package to install, when {@code tool --version} cannot run. */
    public static void requireTool(String tool) throws Exception {
        try {
            Process p = new ProcessBuilder(tool, "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } catch (IOException e) {
            throw new AssertionError(tool + " is not installed; the DNP3 capture check needs it "
                    + "(.ci/run: DEBIAN_FRONTEND=noninteractive apt-get install -y tshark)", e);
        }
    }

    @Override
    public void close() {
        dumpcap.destroyForcibly();
    }
}
