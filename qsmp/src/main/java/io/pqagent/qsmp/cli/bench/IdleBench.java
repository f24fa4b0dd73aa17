package io.pqagent.qsmp.cli.bench;

import io.pqagent.qsmp.crypto.ParameterSet;
import io.pqagent.qsmp.keys.KeyFiles;
import io.pqagent.qsmp.keys.SigningKeyRecord;
import io.pqagent.qsmp.transport.QsmpNetwork;
import io.pqagent.qsmp.transport.QsmpServer;
import io.pqagent.qsmp.transport.TransportSettings;
import io.pqagent.qsmp.transport.TunnelHandler;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code qsmp bench idle}: a Simplex server in this JVM, its clients in a child JVM. The clients open N
 * sessions and leave them idle; this process reports the live heap per session (after full
 * collections) and its resident memory; then the clients close them all and run N more short
 * sessions, and the resident memory is reported again: it should stay flat.
 */
@Command(name = "idle",
        mixinStandardHelpOptions = true,
        description = {"Heap and resident memory per idle Simplex session on the server, and after finished ones.",
            "Goal (issue 3): ≤ 4 KiB heap per idle session, flat RSS after 10,000 finished sessions."})
final class IdleBench implements Callable<Integer> {
    static final double GOAL_KIB = 4;
    private static final long STEP_SECONDS = 900;
    private static final int WARM_UP = 500;

    @Spec
    private CommandSpec spec;

    @Option(names = "--sessions", defaultValue = "10000", paramLabel = "N",
            description = "Idle sessions to hold, and short sessions to run afterwards (default: ${DEFAULT-VALUE}).")
    private int sessions;

    @Option(names = "--config", paramLabel = "STRING",
            description = "QSMP configuration string (default: the profile's, dilithium-s5_kyber-s5_sha3_rcs).")
    private String config;

    @Option(names = "--client-java-options", defaultValue = "-Xmx1g -XX:+UseParallelGC", paramLabel = "OPTIONS",
            description = "JVM options of the client process (default: ${DEFAULT-VALUE}).")
    private String clientJavaOptions;

    @Option(names = "--histogram", defaultValue = "12", paramLabel = "ROWS",
            description = "Classes to list by heap growth per session, 0 for none (default: ${DEFAULT-VALUE}).")
    private int histogramRows;

    @Override
    public Integer call() throws Exception {
        if (sessions < 1) {
            throw new ParameterException(spec.commandLine(), "--sessions must be positive");
        }
        ParameterSet set = BenchKeys.parameterSet(config);
        SigningKeyRecord key = BenchKeys.generate(set);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("qsmp bench idle: %d Simplex sessions, %s; server in this JVM (pid %d), clients in a child JVM%n",
                sessions, set.config().text(), ProcessHandle.current().pid());
        out.printf("machine: %s; server JVM flags: %s; client JVM options: %s%n", ProcessFigures.machine(),
                ProcessFigures.jvmFlags(), clientJavaOptions);

        Path dir = Files.createTempDirectory("qsmp-bench-idle");
        Path keyFile = dir.resolve("server_public_key.qpkey");
        KeyFiles.writeQpkey(keyFile, key.publicRecord());
        List<String> childOptions = clientJavaOptions.isBlank() ? List.of()
                : Arrays.asList(clientJavaOptions.trim().split("\\s+"));
        try (QsmpNetwork net = QsmpNetwork.create();
                QsmpServer server = net.startSimplex(BenchKeys.context(set), key,
                        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), TransportSettings.DEFAULTS,
                        TunnelHandler.ignoring());
                ClientProcess clients = ClientProcess.start(keyFile, server.localAddress(), childOptions)) {
            // classes, threads and pools the server will use exist before the baseline is taken
            clients.call("churn " + WARM_UP, "churned", STEP_SECONDS);
            await(() -> server.tunnels().isEmpty() && server.handshakesInProgress() == 0);
            ClassHistogram histogramBefore = histogramRows > 0 ? ClassHistogram.take() : null;
            long heapBefore = ProcessFigures.heapAfterGc();
            long rssBefore = ProcessFigures.residentBytes();

            String opened = clients.call("open " + sessions, "opened", STEP_SECONDS);
            await(() -> server.tunnels().size() >= sessions);
            long heapWith = ProcessFigures.heapAfterGc();
            long rssWith = ProcessFigures.residentBytes();
            ClassHistogram histogramWith = histogramRows > 0 ? ClassHistogram.take() : null;
            int held = server.tunnels().size();
            double perSession = (heapWith - heapBefore) / (double) held;
            out.printf("clients: %s (child pid %d); server holds %d established sessions%n", opened, clients.pid(), held);
            out.printf("heap after full GC: %s before, %s with the sessions = %.2f KiB per idle session%n",
                    ProcessFigures.mib(heapBefore), ProcessFigures.mib(heapWith), perSession / 1024);
            out.printf("RSS: %s before, %s with the sessions (+%.1f KiB per session); heap committed %s%n",
                    ProcessFigures.mib(rssBefore), ProcessFigures.mib(rssWith), (rssWith - rssBefore) / 1024.0 / held,
                    ProcessFigures.mib(ProcessFigures.heapCommitted()));
            if (histogramWith != null) {
                out.printf("heap growth by class, per session (top %d):%n", histogramRows);
                List<ClassHistogram.Growth> grown = histogramWith.grownSince(histogramBefore);
                for (ClassHistogram.Growth g : grown.subList(0, Math.min(histogramRows, grown.size()))) {
                    out.printf("  %8.1f B  %6.2f objects  %s%n", g.bytes() / (double) held, g.instances() / (double) held,
                            g.className());
                }
            }

            clients.call("close", "closed", STEP_SECONDS);
            await(() -> server.tunnels().isEmpty() && server.handshakesInProgress() == 0);
            long heapClosed = ProcessFigures.heapAfterGc();
            long rssClosed = ProcessFigures.residentBytes();
            String churned = clients.call("churn " + sessions, "churned", STEP_SECONDS);
            await(() -> server.tunnels().isEmpty() && server.handshakesInProgress() == 0);
            long heapChurned = ProcessFigures.heapAfterGc();
            long rssChurned = ProcessFigures.residentBytes();
            out.printf("after closing them: heap %s, RSS %s%n", ProcessFigures.mib(heapClosed),
                    ProcessFigures.mib(rssClosed));
            out.printf("after %s more short sessions (%s): heap %s, RSS %s (%+.2f KiB per finished session);"
                    + " heap committed %s%n", sessions, churned, ProcessFigures.mib(heapChurned),
                    ProcessFigures.mib(rssChurned), (rssChurned - rssClosed) / 1024.0 / sessions,
                    ProcessFigures.mib(ProcessFigures.heapCommitted()));
            out.printf("goal (≤ %.0f KiB heap per idle session): %s%n", GOAL_KIB,
                    perSession <= GOAL_KIB * 1024 ? "met" : "missed");
            return 0;
        } finally {
            Files.deleteIfExists(keyFile);
            Files.deleteIfExists(dir);
        }
    }

    /** Waits for the server to see what the client process reported (its events arrive a little later). */
    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + STEP_SECONDS * 1_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the server did not reach the expected state in " + STEP_SECONDS + " s");
            }
            Thread.sleep(20);
        }
    }
}
