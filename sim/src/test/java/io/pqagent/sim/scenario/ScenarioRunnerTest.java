package io.pqagent.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.pqagent.sim.netns.PlantNetwork;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in scenarios, shortened, with real {@code qsmp-agent run} processes: the default one (the demo)
 * and the fault-heavy one pass their invariants; a scenario whose policy lets the probe through fails.
 */
class ScenarioRunnerTest {
    @TempDir
    Path dir;

    private Summary run(Scenario s, String name) throws Exception {
        return run(s, name, false);
    }

    private Summary run(Scenario s, String name, boolean namespaces) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Summary summary = new ScenarioRunner(s, new RunOptions(out, Optional.of(dir.resolve(name)),
                RunOptions.defaultAgentJvm(), false, namespaces)).run();
        System.out.println(bytes.toString(StandardCharsets.UTF_8));
        return summary;
    }

    @Test
    void theDefaultScenarioShortenedPassesItsInvariants() throws Exception {
        Summary s = run(ScenarioReader.builtIn("default").compressed(Duration.ofSeconds(14)), "default");
        assertThat(s.broken()).isEmpty();
        assertThat(s.passed()).isTrue();
        assertThat(s.protocols()).extracting(Summary.ProtocolFigures::protocol).containsExactly("modbus", "dnp3", "opcua");
        assertThat(s.protocols()).allSatisfy(p -> assertThat(p.requests()).isPositive());
        assertThat(s.handshakes()).as("two tunnels, and substation-b's again after its kill").isGreaterThanOrEqualTo(3);
        assertThat(s.ratchets()).as("the asymmetric ratchet by hand").isPositive();
        assertThat(s.probes()).isEqualTo(1);
        assertThat(s.denied()).isEqualTo(1);
        assertThat(s.audited()).isEqualTo(1);
        assertThat(s.writesAcknowledged()).isPositive();
        assertThat(s.faults()).anySatisfy(f -> assertThat(f).contains("kill -9 substation-b").contains("recovered"));
    }

    @Test
    void theFaultHeavyScenarioShortenedPassesItsInvariants() throws Exception {
        Summary s = run(ScenarioReader.builtIn("faults").compressed(Duration.ofSeconds(24)), "faults");
        assertThat(s.broken()).isEmpty();
        assertThat(s.faults()).hasSize(9);
        assertThat(s.faults()).filteredOn(f -> !f.contains("revoke")
                && (f.contains("cut ") || f.contains("rotate") || f.contains("flood")))
                .allSatisfy(f -> assertThat(f).contains("recovered"));
        assertThat(s.faults()).anySatisfy(f -> assertThat(f).contains("revoke substation-b: cut off after"));
        assertThat(s.probes()).as("Modbus, DNP3 and OPC UA probes").isEqualTo(3);
        assertThat(s.denied()).isEqualTo(3);
        assertThat(s.handshakeFailures()).as("the garbage at substation-b's listener").isPositive();
    }

    /** A control centre and a site with one stage, its Modbus face open to everything, one SCADA master. */
    private static Scenario twoSitePlant(String name, String duration, String events) throws ScenarioException {
        String yaml = "name: " + name + "\nduration: " + duration + "\n" + """
                sites: [{name: centre}, {name: site}]
                stages: [{name: stage, site: site}]
                tunnels: [[centre, site]]
                services:
                  - {name: plc, from: centre, stage: stage, face: modbus, policy: {default: allow}}
                masters:
                  - {name: scada, service: plc, slot: 0, rate: 10, write-every: 2}
                """ + events;
        return ScenarioReader.parse(name + ".yaml", new java.io.ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aPolicyThatLetsTheProbeThroughBreaksTheRun() throws Exception {
        Scenario leaky = twoSitePlant("leaky", "5s", """
                events:
                  - {at: 2s, probe: scada, slot: 7}
                """);
        Summary s = run(leaky, "leaky");
        assertThat(s.passed()).isFalse();
        assertThat(s.broken()).anySatisfy(b -> assertThat(b).startsWith("policy:"));
        assertThat(s.broken()).noneSatisfy(b -> assertThat(b).startsWith("write consistency"));
    }

    @Test
    void withEachSiteInANetworkNamespaceTheDefaultScenarioPassesAndLeavesNoNamespaceBehind() throws Exception {
        assertThat(PlantNetwork.unavailableReason()).as("CI runs as root with iproute2").isEmpty();
        Summary s = run(ScenarioReader.builtIn("default").compressed(Duration.ofSeconds(12)), "netns", true);
        assertThat(s.broken()).isEmpty();
        assertThat(s.protocols()).allSatisfy(p -> assertThat(p.requests()).isPositive());
        assertThat(s.faults()).anySatisfy(f -> assertThat(f).contains("kill -9 substation-b").contains("recovered"));
        // an agent can only have listened on its site's address inside that site's namespace: the root
        // namespace holds only the bridge's .1
        String config = Files.readString(dir.resolve("netns/substation-a/agent.yaml"));
        assertThat(config).containsPattern("listen:\\n  address: 10\\.\\d+\\.\\d+\\.11\\n");
        assertThat(config).contains("target: 127.0.0.1:");
        String pid = Long.toHexString(ProcessHandle.current().pid());
        Process list = new ProcessBuilder("ip", "netns", "list").redirectErrorStream(true).start();
        String namespaces = new String(list.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        list.waitFor();
        assertThat(namespaces).doesNotContain("pqsim-" + pid + "-");
    }

    @Test
    void aMasterWhoseProcessDiesBreaksTheRun() throws Exception {
        Scenario s = twoSitePlant("lost-master", "6s", "");
        var killer = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            var killed = killer.submit(() -> {
                // the master is a child process of this JVM: kill it once it has run for a while
                long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
                while (System.nanoTime() < deadline) {
                    var master = ProcessHandle.current().descendants()
                            .filter(p -> commandLine(p).contains("master\0--name\0scada\0"))
                            .findFirst();
                    if (master.isPresent()) {
                        Thread.sleep(2_000);
                        return master.get().destroyForcibly();
                    }
                    Thread.sleep(100);
                }
                return false;
            });
            Summary summary = run(s, "lost-master");
            assertThat(killed.get()).isTrue();
            assertThat(summary.passed()).isFalse();
            assertThat(summary.broken()).anySatisfy(b -> assertThat(b).startsWith("part: master scada gave no report"));
        } finally {
            killer.shutdownNow();
        }
    }

    /** The whole command line (ProcessHandle.Info cuts it short: the class path is long), NUL-separated. */
    private static String commandLine(ProcessHandle p) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(p.pid()), "cmdline"), StandardCharsets.ISO_8859_1);
        } catch (java.io.IOException gone) {
            return "";
        }
    }
}
