package io.pqagent.adapters.dnp3.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pqagent.adapters.dnp3.app.FunctionCode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PolicyReaderTest {

    @Test
    void noKeysMeansReadOnlyFromAnyAddress() {
        Dnp3Policies p = PolicyReader.read("plc", Map.of());
        assertThat(p.service()).isEqualTo(Dnp3Policy.readOnly());
        assertThat(p.forPeer("anyone")).isEqualTo(Dnp3Policy.readOnly());
    }

    @Test
    void readsEveryKeyInTheShapesTheConfigurationLoaderGives() {
        Dnp3Policies p = PolicyReader.read("plc", Map.of(
                "allow", List.of("READ", "write"),
                "allow-objects", List.of(
                        Map.of("functions", List.of("SELECT", "OPERATE"), "group", 12, "variation", 1,
                                "indexes", List.of("0-3", 7)),
                        Map.of("functions", "direct-operate", "group", 41)),
                "masters", 1,
                "outstations", List.of("10-12"),
                "max-fragment", 4096,
                "peers", Map.of("ops", Map.of("allow", "all", "masters", List.of(2, 3)))));
        Dnp3Policy s = p.service();
        assertThat(s.allowed()).containsExactlyInAnyOrder(FunctionCode.READ, FunctionCode.WRITE);
        assertThat(s.objectRules()).containsExactly(
                new ObjectRule(Set.of(FunctionCode.SELECT, FunctionCode.OPERATE), 12, OptionalInt.of(1),
                        Optional.of(new IndexSet(List.of(new IndexRange(0, 3), new IndexRange(7, 7))))),
                new ObjectRule(Set.of(FunctionCode.DIRECT_OPERATE), 41, OptionalInt.empty(), Optional.empty()));
        assertThat(s.masters()).contains(new IndexSet(List.of(new IndexRange(1, 1))));
        assertThat(s.outstations()).contains(new IndexSet(List.of(new IndexRange(10, 12))));
        assertThat(s.maxFragment()).isEqualTo(4096);

        Dnp3Policy ops = p.forPeer("ops");
        assertThat(ops.allowed()).contains(FunctionCode.DIRECT_OPERATE, FunctionCode.COLD_RESTART)
                .doesNotContain(FunctionCode.RESPONSE);
        assertThat(ops.masters()).contains(new IndexSet(List.of(new IndexRange(2, 2), new IndexRange(3, 3))));
        assertThat(ops.objectRules()).as("keys the peer does not override are the service's").isEqualTo(s.objectRules());
        assertThat(ops.outstations()).isEqualTo(s.outstations());
        assertThat(p.forPeer("other")).isEqualTo(s);
    }

    @Test
    void anEmptyAllowListLeavesOnlyConfirm() {
        assertThat(PolicyReader.read("plc", Map.of("allow", List.of())).service().allowed()).isEmpty();
    }

    @Test
    void allowObjectsAloneAllowsNothingElse() {
        Dnp3Policy p = PolicyReader.read("plc", Map.of("allow-objects", Map.of("functions", "READ", "group", 30)))
                .service();
        assertThat(p.allowed()).as("READ is not implied: the entry narrows it to g30").isEmpty();
        assertThat(p.objectRules()).hasSize(1);
    }

    @Test
    void everyMistakeNamesTheServiceAndTheKey() {
        assertError(Map.of("alow", List.of("READ")), "service plc: policy.alow: unknown key");
        assertError(Map.of("allow", List.of("READ", "REED")), "service plc: policy.allow[1]: 'REED' is not a DNP3 function");
        assertError(Map.of("allow", List.of("RESPONSE")), "policy.allow[0]: RESPONSE is sent by outstations");
        assertError(Map.of("allow-objects", Map.of("functions", "COLD_RESTART", "group", 12)),
                "policy.allow-objects[0].functions[0]: COLD_RESTART carries no objects; list it under allow");
        assertError(Map.of("allow-objects", List.of(Map.of("functions", "SELECT"))),
                "policy.allow-objects[0]: an allow-objects entry needs functions and group");
        assertError(Map.of("allow-objects", List.of(Map.of("functions", "SELECT", "group", 256))),
                "policy.allow-objects[0].group: 256 is not a whole number in 0..255");
        assertError(Map.of("allow-objects", List.of(Map.of("functions", "SELECT", "group", 12, "indexes", List.of(1, "7-3")))),
                "policy.allow-objects[0].indexes[1]: '7-3' is not a range a-b with a <= b within 0..65535");
        assertError(Map.of("allow-objects", List.of(Map.of("functions", "SELECT", "group", 12, "index", 1))),
                "policy.allow-objects[0].index: unknown key");
        assertError(Map.of("masters", "one"), "policy.masters: 'one' is not a number or a range a-b");
        assertError(Map.of("outstations", List.of(70000)), "policy.outstations[0]: '70000-70000' is not a range");
        assertError(Map.of("masters", List.of()), "policy.masters: an empty list would match nothing");
        assertError(Map.of("max-fragment", 100), "policy.max-fragment: 100 is not a whole number in 249..65536");
        assertError(Map.of("peers", Map.of("ops", Map.of("allow", "REED"))), "policy.peers.ops.allow[0]: 'REED'");
        assertError(Map.of("peers", Map.of("ops", Map.of("peers", Map.of()))), "policy.peers.ops.peers: unknown key");
        assertError(Map.of("peers", List.of("ops")), "policy.peers: expected a section");
    }

    private static void assertError(Map<String, Object> tree, String message) {
        assertThatThrownBy(() -> PolicyReader.read("plc", tree)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }
}
