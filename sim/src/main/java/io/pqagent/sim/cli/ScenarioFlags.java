package io.pqagent.sim.cli;

import io.pqagent.sim.netns.PlantNetwork;
import io.pqagent.sim.scenario.DurationText;
import io.pqagent.sim.scenario.RunOptions;
import io.pqagent.sim.scenario.Scenario;
import io.pqagent.sim.scenario.ScenarioException;
import io.pqagent.sim.scenario.ScenarioRunner;
import io.pqagent.sim.scenario.Summary;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** What {@code demo} and {@code run} share: how long, where to keep the files, loopback or namespaces, and the run. */
final class ScenarioFlags {
    @Option(names = "--duration", paramLabel = "TIME", description = "Traffic time, events scaled to it (e.g. 20s).")
    String duration;

    @Option(names = "--keep", paramLabel = "DIR", description = "Keep the agents' configs and logs in DIR.")
    Path keep;

    @Option(names = "--netns", description = "Put each site in a network namespace of its own (root, iproute2).")
    boolean netns;

    /** Where a scenario comes from; reading it may fail with a message naming the file and the key. */
    @FunctionalInterface
    interface Source {
        Scenario read() throws ScenarioException;
    }

    /**
     * Reads the scenario, runs it and prints the summary: 0 passed, 1 an invariant broke, 2 (with one line on
     * {@code err}) a scenario or a flag that cannot be run.
     */
    int run(Source source, PrintStream out, PrintWriter err) throws Exception {
        try {
            Scenario s = source.read();
            if (duration != null) {
                s = s.compressed(DurationText.parse(duration));
            }
            if (netns) {
                Optional<String> reason = PlantNetwork.unavailableReason();
                if (reason.isPresent()) {
                    throw new IllegalArgumentException("--netns: " + reason.get());
                }
            }
            out.println("qsmp-sim: scenario " + s.name() + ", " + DurationText.of(s.duration()) + " of traffic, "
                    + s.events().size() + " events");
            Summary summary = new ScenarioRunner(s, new RunOptions(out, Optional.ofNullable(keep),
                    RunOptions.defaultAgentJvm(), System.console() != null, netns)).run();
            return summary.passed() ? 0 : 1;
        } catch (ScenarioException | IllegalArgumentException e) {
            err.println("qsmp-sim: " + e.getMessage());
            return 2;
        }
    }
}
