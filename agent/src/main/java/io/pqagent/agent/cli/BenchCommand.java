package io.pqagent.agent.cli;

import io.pqagent.agent.bench.BenchSettings;
import io.pqagent.agent.bench.TunnelBench;
import io.pqagent.qsmp.crypto.ParameterSet;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code qsmp-agent bench}: the round trip two agents add, and one tunnel's bulk throughput, on this machine. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Start a directory and two agents on loopback and measure: a small request/response echoed"
                + " directly, through the agents and (when installed) through socat and stunnel4 relay pairs,"
                + " p50/p99; then bulk throughput through one tunnel.",
            "Run it on a quiet machine: it measures this machine, not the agent alone."})
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--size", paramLabel = "BYTES", description = "Request and reply size (default ${DEFAULT-VALUE}).")
    int size = 12;

    @Option(names = "--round-trips", paramLabel = "N", description = "Measured round trips per path (default ${DEFAULT-VALUE}).")
    int roundTrips = 40_000;

    @Option(names = "--rounds", paramLabel = "N", description = "Interleaved rounds the paths take turns in (default ${DEFAULT-VALUE}).")
    int rounds = 20;

    @Option(names = "--jit-warmup", paramLabel = "N", description = "Unmeasured round trips per path before the first round, for the JIT (default ${DEFAULT-VALUE}).")
    int jitWarmup = 30_000;

    @Option(names = "--warmup", paramLabel = "N", description = "Unmeasured round trips per path and round (default ${DEFAULT-VALUE}).")
    int warmup = 500;

    @Option(names = "--bulk-mb", paramLabel = "MB", description = "Megabytes of the bulk transfer (default ${DEFAULT-VALUE}).")
    long bulkMegabytes = 500;

    @Option(names = "--parameter-set", paramLabel = "CONFIG", description = "QSMP configuration of the tunnel (default: the agent's default, ${DEFAULT-VALUE}).")
    String parameterSet = ParameterSet.DEFAULT.config().text();

    @Option(names = "--agent-jvm", paramLabel = "OPTIONS", description = "JVM options of the agent processes (default: '${DEFAULT-VALUE}', as the installed launcher).")
    String agentJvm = "-XX:+UseSerialGC -Xmn64m";

    @Option(names = "--keep", paramLabel = "DIR", description = "Keep configs and logs in DIR instead of a deleted scratch directory.")
    Path keep;

    @Override
    public Integer call() throws Exception {
        io.pqagent.agent.plant.ChildProcesses.stopOnExit();
        PrintWriter out = spec.commandLine().getOut();
        BenchSettings settings;
        try {
            settings = new BenchSettings(ParameterSet.select(parameterSet, true), size, roundTrips, rounds, jitWarmup, warmup,
                    bulkMegabytes * 1_000_000, options(agentJvm), Optional.ofNullable(keep));
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("qsmp-agent bench: " + e.getMessage());
            return 2;
        }
        new TunnelBench(settings, out).run();
        return 0;
    }

    private static List<String> options(String text) {
        return Arrays.stream(text.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
    }
}
