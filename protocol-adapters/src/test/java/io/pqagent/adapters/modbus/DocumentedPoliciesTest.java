package io.pqagent.adapters.modbus;

import io.pqagent.adapters.testing.PolicyYaml;
import static org.assertj.core.api.Assertions.assertThat;

import io.pqagent.agent.config.AgentConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The policies the operator reads are policies the filter accepts: the first example of
 * docs/adapters-modbus.md and the commented Modbus entry of deploy/config/agent.example.yaml, each
 * loaded through the agent's configuration loader and decided on.
 */
class DocumentedPoliciesTest {
    /** Surefire runs in the module directory, protocol-adapters/. */
    private static final Path DOC = Path.of("../docs/adapters-modbus.md");
    private static final Path EXAMPLE = Path.of("../deploy/config/agent.example.yaml");

    @TempDir
    Path dir;

    private static PolicyVerdict decide(ModbusPolicy p, int unit, int... pdu) throws Exception {
        return p.decide(RequestParser.parse(ModbusFrame.of(Adu.of(1, unit, pdu))));
    }

    @Test
    void theGuidesFirstExampleLoadsAndDecides() throws Exception {
        String doc = Files.readString(DOC);
        int start = doc.indexOf("```yaml\n") + "```yaml\n".length();
        String expose = doc.substring(start, doc.indexOf("```", start));
        AgentConfig config = new PolicyYaml(dir, "plc", "modbus", "10.0.0.5:502").load("peers:\n  - name: control-centre\n" + expose);
        ModbusPolicies policies = PolicyReader.read(config.expose().get(0).policy().tree());

        ModbusPolicy cc = policies.forPeer("control-centre");
        assertThat(decide(cc, 1, 3, 0, 0, 0, 100).allowed()).isTrue();
        assertThat(decide(cc, 1, 4, 0, 20, 0, 1).allowed()).isTrue();
        assertThat(decide(cc, 1, 4, 0, 10, 0, 1).code()).isEqualTo(ExceptionCode.ILLEGAL_DATA_ADDRESS);
        assertThat(decide(cc, 1, 6, 0, 10, 0, 1).allowed()).isTrue();
        assertThat(decide(cc, 1, 6, 0, 50, 4, 0xD2).code()).isEqualTo(ExceptionCode.ILLEGAL_DATA_ADDRESS);
        assertThat(decide(cc, 2, 3, 0, 0, 0, 1).code()).isEqualTo(ExceptionCode.GATEWAY_PATH_UNAVAILABLE);
        assertThat(decide(policies.forPeer("site-b"), 1, 6, 0, 10, 0, 1).code()).isEqualTo(ExceptionCode.ILLEGAL_FUNCTION);
    }

    @Test
    void theExampleConfigurationsCommentedModbusEntryLoadsWhenUncommented() throws Exception {
        List<String> lines = Files.readAllLines(EXAMPLE);
        int first = lines.indexOf("  # - name: plc-a-modbus");
        assertThat(first).as("the commented Modbus expose entry").isPositive();
        StringBuilder entry = new StringBuilder("expose:\n");
        for (int i = first; i < lines.size() && lines.get(i).startsWith("  # "); i++) {
            entry.append("  ").append(lines.get(i).substring(4)).append('\n');
        }
        AgentConfig config = new PolicyYaml(dir, "plc", "modbus", "10.0.0.5:502").load("peers:\n  - name: substation-b\n  - name: control-centre\n" + entry);
        ModbusPolicies policies = PolicyReader.read(config.expose().get(0).policy().tree());
        assertThat(decide(policies.forPeer("substation-b"), 1, 6, 0, 15, 0, 1).allowed()).isTrue();
        assertThat(decide(policies.forPeer("control-centre"), 1, 6, 0, 15, 0, 1).code())
                .isEqualTo(ExceptionCode.ILLEGAL_FUNCTION);
    }
}
