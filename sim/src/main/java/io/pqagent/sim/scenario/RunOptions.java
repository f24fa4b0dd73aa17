package io.pqagent.sim.scenario;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * How to run a scenario.
 *
 * @param out        where the status line and the summary go
 * @param keep       keep configs, logs and audit logs here instead of a deleted scratch directory
 * @param agentJvm   JVM options of the agent processes
 * @param liveStatus overwrite one status line in place (a terminal); otherwise print one every 5 s
 * @param namespaces put each site in a network namespace of its own (root only: {@code --netns})
 */
public record RunOptions(PrintStream out, Optional<Path> keep, List<String> agentJvm, boolean liveStatus,
        boolean namespaces) {
    public RunOptions {
        agentJvm = List.copyOf(agentJvm);
    }

    /** Every site on loopback. */
    public RunOptions(PrintStream out, Optional<Path> keep, List<String> agentJvm, boolean liveStatus) {
        this(out, keep, agentJvm, liveStatus, false);
    }

    /**
     * The JVM of the other parts (the directory, the devices, the masters): small, quick to start; their
     * work is light next to the agents'.
     */
    public static List<String> partJvm() {
        return List.of("-XX:+UseSerialGC", "-Xmx160m", "-XX:TieredStopAtLevel=1", "-Xss512k");
    }

    /** The agents' default JVM: the serial collector with a small young generation, as bin/qsmp-agent runs them. */
    public static List<String> defaultAgentJvm() {
        return List.of("-XX:+UseSerialGC", "-Xmn32m", "-Xmx256m", "-XX:TieredStopAtLevel=1");
    }
}
