package io.pqagent.agent.bench;

import io.pqagent.qsmp.crypto.ParameterSet;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What {@code qsmp-agent bench} measures.
 *
 * @param requestSize  bytes of each request and of its echo (12: a small Modbus-sized poll)
 * @param roundTrips   measured round trips per path, spread over {@code rounds} interleaved rounds
 * @param rounds       the paths take turns this many times, so drift of the machine hits all alike
 * @param jitWarmup    unmeasured round trips per path once before the first round, until the JIT has
 *                     compiled the agents' message path (a long-running agent's steady state)
 * @param warmup       unmeasured round trips per path and round (caches, after the paths changed turns)
 * @param bulkBytes    bytes of the one-way bulk transfer through one tunnel
 * @param agentJvm     JVM options of the agent processes
 * @param keep         keep the scratch directory (logs, configs) here instead of deleting it
 */
public record BenchSettings(ParameterSet set, int requestSize, int roundTrips, int rounds, int jitWarmup, int warmup,
        long bulkBytes,
        List<String> agentJvm, Optional<Path> keep) {
    public BenchSettings {
        if (requestSize < 1 || requestSize > 65_536) {
            throw new IllegalArgumentException("request size must be 1..65536 bytes, not " + requestSize);
        }
        if (rounds < 1 || roundTrips < rounds * 100) {
            throw new IllegalArgumentException("need at least 100 round trips per round (" + roundTrips + " over "
                    + rounds + " rounds)");
        }
        if (warmup < 0 || jitWarmup < 0 || bulkBytes < 1_000_000) {
            throw new IllegalArgumentException("warm-up must be >= 0 and bulk at least 1 MB");
        }
        agentJvm = List.copyOf(agentJvm);
    }
}
