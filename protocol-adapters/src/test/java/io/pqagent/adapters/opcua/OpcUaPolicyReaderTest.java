package io.pqagent.adapters.opcua;

import io.pqagent.adapters.testing.PolicyYaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The policy as YAML through the agent's loader: what it decides, and every mistake named by its key. */
class OpcUaPolicyReaderTest {
    static final NodeId SETPOINT = new NodeId(2, "Pump1.Setpoint");
    static final NodeId LEVEL = new NodeId(2, "Pump1.Level");

    @TempDir
    static Path dir;
    static PolicyYaml yaml;

    @BeforeAll
    static void loader() throws Exception {
        yaml = new PolicyYaml(dir, "plant", "opcua", "10.0.0.9:4840");
    }

    private static OpcUaPolicies read(String policy) throws Exception {
        return OpcUaPolicyReader.read(yaml.tree(policy));
    }

    private static Decision decide(OpcUaPolicy p, String service, NodeAccess access, NodeId... nodes) {
        return p.decide(service, access == null ? Map.of() : Map.of(access, List.of(nodes)));
    }

    @Test
    void allowDenyDefaultAndNodeLists() throws Exception {
        OpcUaPolicy p = read("""
                allow: [Read, Browse, Write, Call]
                deny: Publish
                nodes:
                  write: ns=2;s=Pump1.Setpoint
                  read: [ns=0;*, "ns=2;s=Pump1.Level"]
                """).base();
        assertThat(decide(p, "Browse", null).allowed()).isTrue();
        assertThat(decide(p, "Publish", null).reason()).isEqualTo("Publish is denied (policy.deny)");
        assertThat(decide(p, "CreateSubscription", null).reason()).isEqualTo(
                "CreateSubscription is not in policy.allow (default: deny)");
        assertThat(decide(p, "CreateSession", null).allowed()).as("session services always pass").isTrue();
        assertThat(decide(p, "Write", NodeAccess.WRITE, SETPOINT).allowed()).isTrue();
        Decision d = decide(p, "Write", NodeAccess.WRITE, SETPOINT, LEVEL);
        assertThat(d.allowed()).isFalse();
        assertThat(d.refusedNodes()).containsExactly(LEVEL);
        assertThat(decide(p, "Read", NodeAccess.READ, new NodeId(0, 2255), LEVEL).allowed()).isTrue();
        assertThat(decide(p, "Read", NodeAccess.READ, SETPOINT).refusedNodes()).containsExactly(SETPOINT);
        assertThat(decide(p, "Call", NodeAccess.CALL, SETPOINT).allowed()).as("no call list: any method").isTrue();
        assertThat(p.requireDecodable()).isFalse();
    }

    @Test
    void defaultAllowOnlyRestrictsWhatIsListed() throws Exception {
        OpcUaPolicy p = read("""
                default: allow
                deny: [Write, Call]
                require-decodable: true
                """).base();
        assertThat(decide(p, "HistoryRead", null).allowed()).isTrue();
        assertThat(decide(p, "Write", NodeAccess.WRITE, SETPOINT).allowed()).isFalse();
        assertThat(p.requireDecodable()).isTrue();
    }

    @Test
    void aPeerSectionReplacesKeyByKeyAndDenyWins() throws Exception {
        OpcUaPolicies ps = read("""
                allow: [Read, Write]
                nodes:
                  read: [ns=2;*]
                  write: [ns=2;s=Pump1.Setpoint]
                peers:
                  site-b:
                    deny: [Write]
                  site-c:
                    nodes:
                      write: [ns=2;s=Pump1.Level]
                """);
        assertThat(decide(ps.forPeer("site-a"), "Write", NodeAccess.WRITE, SETPOINT).allowed()).isTrue();
        assertThat(decide(ps.forPeer("site-b"), "Write", NodeAccess.WRITE, SETPOINT).reason())
                .isEqualTo("Write is denied (policy.deny)");
        OpcUaPolicy c = ps.forPeer("site-c");
        assertThat(decide(c, "Write", NodeAccess.WRITE, LEVEL).allowed()).isTrue();
        assertThat(decide(c, "Write", NodeAccess.WRITE, SETPOINT).allowed()).isFalse();
        assertThat(decide(c, "Read", NodeAccess.READ, new NodeId(0, 2255)).allowed()).as("read list kept").isFalse();
    }

    @Test
    void anEmptyPolicyDeniesEverythingButSessions() throws Exception {
        OpcUaPolicy p = OpcUaPolicyReader.read(Map.of()).base();
        assertThat(decide(p, "Read", NodeAccess.READ, LEVEL).allowed()).isFalse();
        assertThat(decide(p, "ActivateSession", null).allowed()).isTrue();
    }

    @Test
    void mistakesAreNamedByTheirKey() {
        assertBad("defalt: deny", "policy.defalt: unknown key (known: allow, default, deny, nodes, peers, require-decodable)");
        assertBad("default: maybe", "policy.default: expected allow or deny, got 'maybe'");
        assertBad("allow: [Read, Wirte]", "policy.allow: unknown service 'Wirte' (services: ");
        assertBad("allow: [CreateSession]", "policy.allow: CreateSession is always allowed");
        assertBad("allow: [Read]\ndeny: [Read]", "policy.allow/deny: Read in both lists");
        assertBad("allow: [3]", "policy.allow: expected service names, got the integer 3");
        assertBad("nodes:\n  write: [ns=2;x=1]", "policy.nodes.write: 'ns=2;x=1' is not a node id");
        assertBad("nodes:\n  write: [nsu=urn:x;s=1]", "policy.nodes.write: 'nsu=urn:x;s=1': write the namespace as its index");
        assertBad("nodes:\n  browse: [i=85]", "policy.nodes.browse: unknown kind (known: read, write, call)");
        assertBad("nodes: [i=85, i=84]", "policy.nodes: expected a section with read, write or call, got a list");
        assertBad("require-decodable: yes please", "policy.require-decodable: expected true or false, got 'yes please'");
        assertBad("allow:", "policy.allow: no value");
        assertBad("peers:\n  site-b:\n    alow: [Read]", "policy.peers.site-b.alow: unknown key (known: allow, default, deny, nodes, require-decodable)");
        assertBad("peers:\n  site-b:\n    peers: {}", "policy.peers.site-b.peers: unknown key");
        assertBad("peers:\n  site-b: Read", "policy.peers.site-b: expected a section of policy keys, got 'Read'");
    }

    private static void assertBad(String policy, String message) {
        assertThatThrownBy(() -> read(policy)).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(message);
    }
}
