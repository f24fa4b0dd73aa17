package io.pqagent.adapters.modbus;

import static org.assertj.core.api.Assertions.assertThat;

import io.pqagent.agent.cli.AgentMain;
import io.pqagent.agent.testing.AgentFleet;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code qsmp-agent run} with a bad Modbus policy does not start, and says which key is wrong;
 * {@code run --check-config} finds the same mistake without starting anything.
 */
class BadPolicyAtStartTest {
    @TempDir
    Path dir;

    @Test
    void theAgentRefusesToStartNamingTheServiceAndThePolicyKey() throws Exception {
        try (AgentFleet fleet = new AgentFleet(dir)) {
            fleet.enrol("bravo");
            Path config = fleet.config("bravo", AgentFleet.freePort(), "peers:\n  - name: alpha\n"
                    + "expose:\n  - name: plc\n    peer: alpha\n    protocol: modbus\n    target: 127.0.0.1:502\n"
                    + "    policy:\n      write:\n        input-registers: [0-9]\n");
            Path log = dir.resolve("bravo.log");
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), AgentMain.class.getName(), "run",
                    "--config", config.toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            boolean ended = p.waitFor(60, TimeUnit.SECONDS);
            if (!ended) {
                p.destroyForcibly();
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(ended).as("the agent exits; " + output).isTrue();
            assertThat(p.exitValue()).as(output).isEqualTo(1);
            List<String> errors = output.lines().filter(l -> l.startsWith("qsmp-agent:")).toList();
            assertThat(errors).containsExactly("qsmp-agent: cannot start: service plc: policy.write.input-registers: "
                    + "input-registers cannot be written (Modbus has no function that writes them)");
        }
    }

    @Test
    void checkConfigFindsTheBadPolicyWithoutStarting() throws Exception {
        try (AgentFleet fleet = new AgentFleet(dir)) {
            fleet.enrol("bravo");
            Path config = fleet.config("bravo", AgentFleet.freePort(), "peers:\n  - name: alpha\n"
                    + "expose:\n  - name: plc\n    peer: alpha\n    protocol: modbus\n    target: 127.0.0.1:502\n"
                    + "    policy:\n      write:\n        input-registers: [0-9]\n");
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
            int code = AgentMain.execute(new String[] {"run", "--check-config", "--config", config.toString()},
                    new java.io.PrintStream(out, true, StandardCharsets.UTF_8),
                    new java.io.PrintStream(err, true, StandardCharsets.UTF_8));
            assertThat(code).isEqualTo(2);
            assertThat(err.toString(StandardCharsets.UTF_8).strip()).isEqualTo("qsmp-agent: " + config
                    + ": service plc: policy.write.input-registers: "
                    + "input-registers cannot be written (Modbus has no function that writes them)");
            assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("is valid");
        }
    }
}
