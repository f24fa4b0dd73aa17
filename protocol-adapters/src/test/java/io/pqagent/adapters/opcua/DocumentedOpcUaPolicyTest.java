package io.pqagent.adapters.opcua;

import io.pqagent.adapters.testing.PolicyYaml;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The policies the documentation shows are the ones that load and decide as it says: the example in
 * {@code docs/adapters-opcua.md} and the commented expose entry in {@code deploy/config/agent.example.yaml},
 * both read by the agent's configuration loader.
 */
class DocumentedOpcUaPolicyTest {
    static final NodeId SETPOINT = new NodeId(2, "Pump1.Setpoint");
    static final NodeId LEVEL = new NodeId(2, "Pump1.Level");

    @TempDir
    Path dir;

    @Test
    void theGuidesExampleLoadsAndDecidesAsDescribed() throws Exception {
        String doc = Files.readString(repository().resolve("docs/adapters-opcua.md"));
        Matcher m = Pattern.compile("```yaml\n(expose:\n.*?)```", Pattern.DOTALL).matcher(doc);
        assertThat(m.find()).as("the policy example in the guide").isTrue();
        OpcUaPolicies p = OpcUaPolicyReader.read(new PolicyYaml(dir, "plant", "opcua", "10.0.0.9:4840").load("peers:\n  - name: control-centre\n"
                + m.group(1)).expose().get(0).policy().tree());
        OpcUaPolicy cc = p.forPeer("control-centre");
        assertThat(cc.decide("Publish", Map.of()).allowed()).isTrue();
        assertThat(cc.decide("Call", Map.of()).allowed()).isFalse();
        assertThat(cc.decide("Write", Map.of(NodeAccess.WRITE, List.of(SETPOINT))).allowed()).isTrue();
        assertThat(cc.decide("Write", Map.of(NodeAccess.WRITE, List.of(LEVEL))).allowed()).isFalse();
        assertThat(cc.decide("Read", Map.of(NodeAccess.READ, List.of(new NodeId(0, 2255), LEVEL))).allowed()).isTrue();
        assertThat(cc.decide("Read", Map.of(NodeAccess.READ, List.of(new NodeId(3, 1)))).allowed()).isFalse();
        assertThat(cc.requireDecodable()).isFalse();
        assertThat(p.forPeer("site-b").decide("Write", Map.of(NodeAccess.WRITE, List.of(SETPOINT))).reason())
                .isEqualTo("Write is denied (policy.deny)");
    }

    @Test
    void theExampleConfigurationsCommentedEntryLoads() throws Exception {
        String example = Files.readString(repository().resolve("deploy/config/agent.example.yaml"));
        Matcher m = Pattern.compile("(  # - name: plant-opcua\n(?:  #.*\n)+)").matcher(example);
        assertThat(m.find()).as("the commented opcua entry").isTrue();
        String entry = m.group(1).replaceAll("(?m)^  # ", "  ");
        OpcUaPolicies p = OpcUaPolicyReader.read(new PolicyYaml(dir, "plant", "opcua", "10.0.0.9:4840").load(
                "peers:\n  - name: control-centre\n  - name: substation-b\nexpose:\n" + entry).expose().get(0).policy().tree());
        OpcUaPolicy cc = p.forPeer("control-centre");
        assertThat(cc.decide("CreateMonitoredItems", Map.of()).allowed()).isTrue();
        assertThat(cc.decide("Write", Map.of(NodeAccess.WRITE, List.of(SETPOINT))).allowed()).isTrue();
        assertThat(cc.decide("Call", Map.of()).allowed()).isFalse();
        assertThat(cc.requireDecodable()).isTrue();
        assertThat(p.forPeer("substation-b").decide("Write", Map.of(NodeAccess.WRITE, List.of(SETPOINT))).allowed()).isFalse();
    }

    /** Surefire runs in the module directory, protocol-adapters/. */
    private static Path repository() {
        return Path.of("..");
    }
}
