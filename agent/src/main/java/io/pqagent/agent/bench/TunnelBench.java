package io.pqagent.agent.bench;

import io.pqagent.agent.plant.LocalPlant;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the bench: a 12-byte (by default) request/response echoed directly, through the two agents and,
 * when installed, through a socat and a stunnel4 pair, the paths taking turns; then bulk throughput
 * directly and through one tunnel. Prints the figures and what each path adds to the direct one.
 */
public final class TunnelBench {
    private static final long BULK_WARMUP_BYTES = 200_000_000L;
    /** Enough bulk for each direction's cipher to pass the 1 MiB after which AUTO tries the vector rounds. */
    private static final long RCS_PRIMER_BYTES = 4_000_000L;
    /** Connections the JIT warm-up of each path is spread over (see {@link #roundTrips}). */
    private static final int JIT_WARMUP_CONNECTIONS = 30;
    private static final String DIRECT = "direct";
    private static final String AGENTS = "two qsmp agents";
    private static final String DIALER = "bench-a";
    private static final String LISTENER = "bench-b";
    private static final String LOG = "log:\n  level: warn\n";
    private final BenchSettings settings;
    private final PrintWriter out;

    public TunnelBench(BenchSettings settings, PrintWriter out) {
        this.settings = settings;
        this.out = out;
    }

    public void run() throws Exception {
        Path dir = settings.keep().isPresent() ? Files.createDirectories(settings.keep().get())
                : Files.createTempDirectory("qsmp-agent-bench");
        try (LoopbackTargets targets = new LoopbackTargets(); LocalPlant plant = new LocalPlant(dir, settings.set(), 86_400, 1)) {
            int echoPort = LocalPlant.freePort();
            int sinkPort = LocalPlant.freePort();
            startAgents(plant, targets, echoPort, sinkPort);

            Map<String, Integer> paths = new LinkedHashMap<>();
            paths.put(DIRECT, targets.echoPort());
            paths.put(AGENTS, echoPort);
            List<RelayPair> relays = new ArrayList<>();
            try {
                for (Optional<RelayPair> r : List.of(RelayPair.socat(dir, targets.echoPort()),
                        RelayPair.stunnel(dir, targets.echoPort()))) {
                    r.ifPresent(relays::add);
                }
                relays.forEach(r -> paths.put(r.name(), r.entryPort()));
                if (relays.size() < 2) {
                    out.println("(socat and/or stunnel4 are not installed: apt-get install socat stunnel4 to compare)");
                }
                settleRcsRounds(plant, sinkPort, targets);
                report(roundTrips(paths, plant));
            } finally {
                for (RelayPair r : relays) {
                    r.close();
                }
            }
            double direct = Bulk.megabytesPerSecond(targets.sinkPort(), settings.bulkBytes(), targets::sunk);
            // the round trips warmed the agents' small-message path only: the bulk path (whole 64 KiB chunks
            // through the cipher) gets its own unmeasured run first, so the JIT has compiled it
            long warmup = Math.min(settings.bulkBytes(), BULK_WARMUP_BYTES);
            Bulk.megabytesPerSecond(sinkPort, warmup, targets::sunk);
            long cpuBefore = plant.agentCpuNanos();
            double tunnel = Bulk.megabytesPerSecond(sinkPort, settings.bulkBytes(), targets::sunk);
            double cpuPerMegabyte = (plant.agentCpuNanos() - cpuBefore) / 1e6 / (settings.bulkBytes() / 1e6);
            out.printf(Locale.ROOT, "%nbulk, one connection, %d MB one way (after %d MB unmeasured through the tunnel):%n",
                    settings.bulkBytes() / 1_000_000, warmup / 1_000_000);
            out.printf(Locale.ROOT, "  %-26s %8.1f MB/s%n", "direct", direct);
            out.printf(Locale.ROOT, "  %-26s %8.1f MB/s%n", "through one qsmp tunnel", tunnel);
            // what the two agents spent per megabyte, whatever else the machine was doing meanwhile
            out.printf(Locale.ROOT, "  agents' CPU time per MB (both agents): %.2f ms%n", cpuPerMegabyte);
            for (String agent : List.of(DIALER, LISTENER)) {
                out.printf(Locale.ROOT, "  %s RCS rounds: %s%n", agent, plant.status(agent).path("rcs_rounds").asText());
            }
            out.flush();
        } finally {
            if (settings.keep().isEmpty()) {
                io.pqagent.agent.plant.ScratchDirectory.delete(dir);
            } else {
                out.println("configs and logs kept in " + dir);
            }
        }
    }

    /**
     * A long-running agent has long since decided which RCS rounds to run (the vector rounds' one-off
     * warm-up starts once a cipher has moved 1 MiB); a bench that let it happen inside a measured round
     * would report that second of CPU as the agents' p99. So some bulk goes through first, and the bench
     * waits for both agents to settle.
     */
    private void settleRcsRounds(LocalPlant plant, int sinkPort, LoopbackTargets targets) throws Exception {
        if (settings.jitWarmup() == 0) {
            return;
        }
        Bulk.megabytesPerSecond(sinkPort, RCS_PRIMER_BYTES, targets::sunk);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        for (String agent : List.of(DIALER, LISTENER)) {
            while (!plant.status(agent).path("rcs_rounds_settled").asBoolean() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
        }
    }

    private void startAgents(LocalPlant plant, LoopbackTargets targets, int echoPort, int sinkPort) throws Exception {
        plant.enrol(DIALER, 1, "bench");
        plant.enrol(LISTENER, 1, "bench");
        int listenerPort = LocalPlant.freePort();
        plant.configure(DIALER, LocalPlant.freePort(), LOG + "peers:\n  - name: " + LISTENER
                + "\n    address: 127.0.0.1:" + listenerPort + "\n"
                + "services:\n"
                + "  - name: echo\n    peer: " + LISTENER + "\n    local: 127.0.0.1:" + echoPort
                + "\n    target: 127.0.0.1:" + targets.echoPort() + "\n"
                + "  - name: sink\n    peer: " + LISTENER + "\n    local: 127.0.0.1:" + sinkPort
                + "\n    target: 127.0.0.1:" + targets.sinkPort() + "\n");
        plant.configure(LISTENER, listenerPort, LOG + "peers:\n  - name: " + DIALER + "\n"
                + "expose:\n"
                + "  - name: echo\n    peer: " + DIALER + "\n    target: 127.0.0.1:" + targets.echoPort() + "\n"
                + "  - name: sink\n    peer: " + DIALER + "\n    target: 127.0.0.1:" + targets.sinkPort() + "\n");
        plant.start(LISTENER, settings.agentJvm());
        plant.start(DIALER, settings.agentJvm());
        plant.awaitPeer(DIALER, LISTENER, true, Duration.ofSeconds(60));
        out.printf(Locale.ROOT, "two agents up (%s, JVM %s)%n", settings.set().config().text(),
                String.join(" ", settings.agentJvm()));
    }

    /** Each path in turn, {@code rounds} times: per path, its sample of each round in order. */
    private Map<String, List<LatencySample>> roundTrips(Map<String, Integer> paths, LocalPlant plant) throws IOException {
        int perRound = settings.roundTrips() / settings.rounds();
        Map<String, List<LatencySample>> samples = new LinkedHashMap<>();
        long agentCpu = 0;
        if (settings.jitWarmup() > 0) {
            // the agents' JIT compiles their message path over the first tens of thousands of messages; a
            // run that measures during it reports start-up, not the steady state of a long-running agent.
            // Over many connections: code compiled while one stream never closed treats opening and
            // closing as never happening, and each measured round's new connection would then throw it
            // back to the interpreter and the compiler (seen as C2 threads taking a quarter of the agents'
            // CPU during the measured rounds). A long-running agent has long since seen masters reconnect.
            int connections = jitWarmupConnections();
            for (int c = 0; c < connections; c++) {
                for (Map.Entry<String, Integer> p : paths.entrySet()) {
                    RoundTrips.measure(p.getKey(), p.getValue(), settings.requestSize(), 0,
                            settings.jitWarmup() / connections);
                }
            }
        }
        for (int round = 0; round < settings.rounds(); round++) {
            for (Map.Entry<String, Integer> p : paths.entrySet()) {
                boolean agents = p.getKey().equals(AGENTS);
                long cpuBefore = agents ? plant.agentCpuNanos() : 0;
                LatencySample s = RoundTrips.measure(p.getKey(), p.getValue(), settings.requestSize(),
                        settings.warmup(), perRound);
                if (agents) {
                    agentCpu += plant.agentCpuNanos() - cpuBefore;
                }
                samples.computeIfAbsent(p.getKey(), k -> new ArrayList<>()).add(s);
            }
        }
        // CPU is what the agents cost the gateway, whatever else the machine was doing meanwhile
        out.printf(Locale.ROOT, "agents' CPU time per round trip (both agents, warm-up included): %.1f µs%n",
                agentCpu / 1e3 / ((long) settings.rounds() * (perRound + settings.warmup())));
        return samples;
    }

    private void report(Map<String, List<LatencySample>> rounds) {
        Map<String, LatencySample> results = new LinkedHashMap<>();
        rounds.forEach((path, parts) -> results.put(path, LatencySample.pooled(path, parts)));
        LatencySample direct = results.get(DIRECT);
        out.printf(Locale.ROOT, "%n%d-byte request/response, %d round trips per path in %d interleaved rounds "
                + "(after %d unmeasured per path over %d connections):%n", settings.requestSize(), direct.count(),
                settings.rounds(), settings.jitWarmup(), jitWarmupConnections());
        out.printf(Locale.ROOT, "  %-26s %9s %9s %12s %12s%n", "path", "p50 µs", "p99 µs", "adds p50 µs",
                "adds p99 µs");
        for (LatencySample s : results.values()) {
            out.printf(Locale.ROOT, "  %-26s %9.1f %9.1f %12s %12s%n", s.path(), s.p50() / 1e3, s.p99() / 1e3,
                    s == direct ? "-" : String.format(Locale.ROOT, "%.1f", (s.p50() - direct.p50()) / 1e3),
                    s == direct ? "-" : String.format(Locale.ROOT, "%.1f", (s.p99() - direct.p99()) / 1e3));
        }
        if (settings.rounds() > 1) {
            reportRoundByRound(RoundTails.of(rounds, DIRECT));
        }
        out.flush();
    }

    private int jitWarmupConnections() {
        return Math.min(JIT_WARMUP_CONNECTIONS, settings.jitWarmup());
    }

    private void reportRoundByRound(RoundTails tails) {
        out.printf(Locale.ROOT, "%np99 added, round by round (against the same round's direct p99), median of %d rounds:%n",
                tails.rounds());
        for (String path : tails.addedNanos().keySet()) {
            out.printf(Locale.ROOT, "  %-26s %9.1f µs%s%n", path, tails.medianNanos(path) / 1e3,
                    path.equals(AGENTS) ? "" : String.format(Locale.ROOT,
                            "   agents added no more in %d of %d rounds; median agents minus it %+.1f µs",
                            tails.roundsAtOrBelow(AGENTS, path), tails.rounds(),
                            tails.medianDifferenceNanos(AGENTS, path) / 1e3));
        }
    }
}
