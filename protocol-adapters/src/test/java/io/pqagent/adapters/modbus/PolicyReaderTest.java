package io.pqagent.adapters.modbus;

import io.pqagent.adapters.testing.PolicyYaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Policies as an operator writes them, through the agent's YAML loader. */
class PolicyReaderTest {
    @TempDir
    static Path dir;

    private static PolicyYaml yaml;

    @BeforeAll
    static void loader() throws Exception {
        yaml = new PolicyYaml(dir, "plc", "modbus", "10.0.0.5:502");
    }

    private static ModbusPolicies read(String policy) throws Exception {
        return PolicyReader.read(yaml.tree(policy));
    }

    private static void fails(String policy, String message) throws Exception {
        Map<String, Object> tree = yaml.tree(policy);
        assertThatThrownBy(() -> PolicyReader.read(tree)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void theDocumentedExampleReadsAsWritten() throws Exception {
        ModbusPolicies p = read("""
                default: deny
                unit-ids: [1]
                function-codes: [3, 4, 6]
                read:
                  holding-registers: [0-99]
                  input-registers: ["0-9", 20, 30-39]
                write:
                  holding-registers: [10-19]
                peers:
                  site-b:
                    read-only: true
                    unit-ids: [1, 2]
                """);
        PolicyRules s = p.service();
        assertThat(s.defaultAnswer()).contains(PolicyDefault.DENY);
        assertThat(s.unitIds()).contains(Set.of(1));
        assertThat(s.functionCodes()).contains(Set.of(FunctionCode.READ_HOLDING_REGISTERS,
                FunctionCode.READ_INPUT_REGISTERS, FunctionCode.WRITE_SINGLE_REGISTER));
        assertThat(s.ranges().get(Access.READ).get(DataTable.INPUT_REGISTERS).ranges())
                .containsExactly(new AddressRange(0, 9), new AddressRange(20, 20), new AddressRange(30, 39));
        assertThat(s.ranges().get(Access.WRITE).get(DataTable.HOLDING_REGISTERS).ranges())
                .containsExactly(new AddressRange(10, 19));
        ModbusPolicy siteB = p.forPeer("site-b");
        assertThat(siteB.readOnly()).isTrue();
        assertThat(siteB.unitIds()).contains(Set.of(1, 2));
        assertThat(siteB.functionCodes()).isEqualTo(s.functionCodes());
        assertThat(p.forPeer("elsewhere").readOnly()).isFalse();
    }

    @Test
    void anEmptyPolicyDeniesByDefault() throws Exception {
        ModbusPolicy p = PolicyReader.read(Map.of()).forPeer("any");
        assertThat(p.defaultAnswer()).isEqualTo(PolicyDefault.DENY);
        assertThat(p.readOnly()).isFalse();
        assertThat(p.unitIds()).isEmpty();
        assertThat(p.functionCodes()).isEmpty();
    }

    @Test
    void aPeersRangesReplaceTheServicesTableByTable() throws Exception {
        ModbusPolicy p = read("""
                write:
                  coils: [0-7]
                  holding-registers: [100-199]
                peers:
                  site-b:
                    write:
                      coils: [8-15]
                """).forPeer("site-b");
        assertThat(p.ranges().get(Access.WRITE).get(DataTable.COILS).ranges()).containsExactly(new AddressRange(8, 15));
        assertThat(p.ranges().get(Access.WRITE).get(DataTable.HOLDING_REGISTERS).ranges())
                .containsExactly(new AddressRange(100, 199));
    }

    @Test
    void aPeerCanMakeAWritableServiceReadOnly() throws Exception {
        ModbusPolicy p = read("""
                default: allow
                write:
                  holding-registers: [0-9]
                peers:
                  site-b: {read-only: true}
                """).forPeer("site-b");
        assertThat(p.readOnly()).isTrue();
    }

    @Test
    void onePolicySharedByTheExposeEntriesOfTwoPeersThroughAYamlAnchorGivesEachItsOwnView() throws Exception {
        var config = yaml.load("""
                peers:
                  - name: site-b
                  - name: site-c
                expose:
                  - name: plc-for-b
                    peer: site-b
                    protocol: modbus
                    target: 10.0.0.5:502
                    policy: &plc
                      default: allow
                      read-only: true
                      peers:
                        site-c: {read-only: false}
                  - name: plc-for-c
                    peer: site-c
                    protocol: modbus
                    target: 10.0.0.5:502
                    policy: *plc
                """);
        assertThat(PolicyReader.read(config.expose().get(0).policy().tree()).forPeer("site-b").readOnly()).isTrue();
        assertThat(PolicyReader.read(config.expose().get(1).policy().tree()).forPeer("site-c").readOnly()).isFalse();
    }

    @Test
    void everyMistakeNamesItsKey() throws Exception {
        fails("defualt: deny", "policy.defualt: unknown key (default, read-only, unit-ids, function-codes, read, write, peers)");
        fails("default: maybe", "policy.default: 'maybe' is not deny or allow");
        fails("read-only: yes please", "policy.read-only: 'yes please' is not true or false");
        fails("unit-ids: [1, 256]", "policy.unit-ids[1]: unit id 256 outside 0..255");
        fails("unit-ids: [one]", "policy.unit-ids[0]: 'one' is not a whole number");
        fails("function-codes: [3, 8]",
                "policy.function-codes[1]: 8 is not a function code this filter passes (1, 2, 3, 4, 5, 6, 15, 16, 22, 23)");
        fails("read: [0-99]", "policy.read: expected a section of tables (coils, discrete-inputs, input-registers, "
                + "holding-registers), got '0-99'");
        fails("read:\n  registers: [0-9]",
                "policy.read.registers: unknown table (coils, discrete-inputs, input-registers, holding-registers)");
        fails("write:\n  input-registers: [0-9]",
                "policy.write.input-registers: input-registers cannot be written (Modbus has no function that writes them)");
        fails("read:\n  coils: [0-9, 20-10]", "policy.read.coils[1]: address range 20-10 is not within 0..65535 with first <= last");
        fails("read:\n  coils: [65536]", "policy.read.coils[0]: address 65536 outside 0..65535");
        fails("read:\n  coils: [0x10-0x20]", "policy.read.coils[0]: '0x10-0x20' is not an address or a range like 0-99");
        fails("read-only: true\nwrite:\n  coils: [0]", "policy.write: allows writes, but policy.read-only is true");
        fails("read-only: true\nfunction-codes: [3, 16, 6]",
                "policy.function-codes: lists writing functions [6, 16], but policy.read-only is true");
        fails("peers:\n  site-b:\n    peers: {}", "policy.peers.site-b.peers: unknown key (default, read-only, unit-ids, "
                + "function-codes, read, write)");
        fails("peers:\n  site-b:\n    unit-ids: [300]", "policy.peers.site-b.unit-ids[0]: unit id 300 outside 0..255");
        fails("peers: [site-b]", "policy.peers: expected a section of peer names, got 'site-b'");
    }

    @Test
    void aKeyWithoutAValueIsRefusedNotReadAsAbsentBecauseAbsentMayMeanAllow() throws Exception {
        // the loader turns "key: []" and "key:" alike into no value (and drops a top-level empty list entirely)
        String hint = ": has no value (an empty list or section cannot be written here; leave the key out and let default decide)";
        fails("default: allow\nfunction-codes:", "policy.function-codes" + hint);
        fails("default: allow\nwrite:\n  coils: []", "policy.write" + hint);
        fails("peers:\n  site-b: {}", "policy.peers.site-b" + hint);
        fails("peers:", "policy.peers" + hint);
    }

    @Test
    void aSingleValueStandsForAListOfOne() throws Exception {
        PolicyRules s = read("unit-ids: 7\nread:\n  coils: 3-4").service();
        assertThat(s.unitIds()).isEqualTo(Optional.of(Set.of(7)));
        assertThat(s.ranges().get(Access.READ).get(DataTable.COILS).ranges()).isEqualTo(List.of(new AddressRange(3, 4)));
    }
}
