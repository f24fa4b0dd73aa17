package io.pqagent.adapters.modbus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Decisions of a policy on real requests; policies given as the loader's trees. */
class ModbusPolicyTest {

    private static ModbusPolicy policy(Map<String, Object> tree) {
        return PolicyReader.read(tree).forPeer("site-b");
    }

    private static PolicyVerdict decide(ModbusPolicy p, int unit, int... pdu) throws Exception {
        return p.decide(RequestParser.parse(ModbusFrame.of(Adu.of(1, unit, pdu))));
    }

    /** "site B may read holding registers 0-99 of unit 1 and write nothing" (issue 6). */
    private static final Map<String, Object> READ_HOLDING_0_99_OF_UNIT_1 = Map.of("default", "deny", "unit-ids", 1,
            "function-codes", 3, "read", Map.of("holding-registers", "0-99"));

    @Test
    void theIssuesExampleAllowsExactlyItsReads() throws Exception {
        ModbusPolicy p = policy(READ_HOLDING_0_99_OF_UNIT_1);
        assertThat(decide(p, 1, 3, 0, 0, 0, 100).allowed()).isTrue();
        assertThat(decide(p, 1, 3, 0, 90, 0, 11)).isEqualTo(PolicyVerdict.deny(ExceptionCode.ILLEGAL_DATA_ADDRESS,
                "read holding-registers 90-100 not allowed"));
        assertThat(decide(p, 2, 3, 0, 0, 0, 1)).isEqualTo(PolicyVerdict.deny(ExceptionCode.GATEWAY_PATH_UNAVAILABLE,
                "unit id 2 not allowed"));
        assertThat(decide(p, 1, 6, 0, 5, 0, 1)).isEqualTo(PolicyVerdict.deny(ExceptionCode.ILLEGAL_FUNCTION,
                "function 6 not allowed"));
        assertThat(decide(p, 1, 4, 0, 0, 0, 1).code()).as("input registers are another table")
                .isEqualTo(ExceptionCode.ILLEGAL_FUNCTION);
    }

    @Test
    void underDefaultDenyEveryQuestionNeedsAnExplicitAnswer() throws Exception {
        assertThat(decide(policy(Map.of()), 1, 3, 0, 0, 0, 1).code()).isEqualTo(ExceptionCode.GATEWAY_PATH_UNAVAILABLE);
        assertThat(decide(policy(Map.of("unit-ids", 1)), 1, 3, 0, 0, 0, 1).code()).isEqualTo(ExceptionCode.ILLEGAL_FUNCTION);
        assertThat(decide(policy(Map.of("unit-ids", 1, "function-codes", 3)), 1, 3, 0, 0, 0, 1).code())
                .isEqualTo(ExceptionCode.ILLEGAL_DATA_ADDRESS);
    }

    @Test
    void underDefaultAllowOnlyTheListsGivenRestrict() throws Exception {
        ModbusPolicy p = policy(Map.of("default", "allow", "write", Map.of("holding-registers", "10-19")));
        assertThat(decide(p, 200, 3, 0x12, 0x34, 0, 125).allowed()).isTrue();
        assertThat(decide(p, 1, 6, 0, 19, 0, 1).allowed()).isTrue();
        assertThat(decide(p, 1, 6, 0, 20, 0, 1)).isEqualTo(PolicyVerdict.deny(ExceptionCode.ILLEGAL_DATA_ADDRESS,
                "write holding-registers 20 not allowed"));
        assertThat(decide(p, 1, 5, 0, 20, 0xFF, 0).allowed()).as("coils: no list, default allow").isTrue();
    }

    @Test
    void readOnlyRefusesEveryWritingFunctionWithExceptionOne() throws Exception {
        ModbusPolicy p = policy(Map.of("default", "allow", "read-only", true));
        assertThat(decide(p, 1, 1, 0, 0, 0, 8).allowed()).isTrue();
        for (int[] write : new int[][] {{5, 0, 0, 0xFF, 0}, {6, 0, 0, 0, 0}, {15, 0, 0, 0, 1, 1, 1},
                {16, 0, 0, 0, 1, 2, 0, 0}, {22, 0, 0, 0, 0, 0, 0}, {23, 0, 0, 0, 1, 0, 0, 0, 1, 2, 0, 0}}) {
            assertThat(decide(p, 1, write)).isEqualTo(PolicyVerdict.deny(ExceptionCode.ILLEGAL_FUNCTION,
                    "read-only: function " + write[0] + " writes"));
        }
    }

    @Test
    void adjacentListedRangesCoverARequestSpanningBoth() throws Exception {
        ModbusPolicy p = policy(Map.of("default", "allow", "read", Map.of("coils", java.util.List.of("0-9", "10-19", 30))));
        assertThat(decide(p, 1, 1, 0, 5, 0, 10).allowed()).isTrue();
        assertThat(decide(p, 1, 1, 0, 15, 0, 10).allowed()).as("20..24 not listed").isFalse();
        assertThat(decide(p, 1, 1, 0, 30, 0, 1).allowed()).isTrue();
    }

    @Test
    void readWriteMultipleNeedsBothItsWriteAndItsReadAllowed() throws Exception {
        ModbusPolicy p = policy(Map.of("default", "allow", "read", Map.of("holding-registers", "0-9"), "write",
                Map.of("holding-registers", "100-109")));
        // read 0..1, write 100
        assertThat(decide(p, 1, 23, 0, 0, 0, 2, 0, 100, 0, 1, 2, 0, 7).allowed()).isTrue();
        assertThat(decide(p, 1, 23, 0, 0, 0, 2, 0, 0, 0, 1, 2, 0, 7).reason()).isEqualTo(
                "write holding-registers 0 not allowed");
        assertThat(decide(p, 1, 23, 0, 100, 0, 2, 0, 100, 0, 1, 2, 0, 7).reason()).isEqualTo(
                "read holding-registers 100-101 not allowed");
    }

    @Test
    void aPeersSectionAppliesOnlyToThatPeer() throws Exception {
        Map<String, Object> tree = Map.of("default", "allow", "peers", Map.of("site-b", Map.of("read-only", true)));
        ModbusPolicies all = PolicyReader.read(tree);
        assertThat(all.forPeer("site-b").decide(RequestParser.parse(ModbusFrame.of(Adu.of(1, 1, 6, 0, 0, 0, 0)))).allowed())
                .isFalse();
        assertThat(all.forPeer("site-c").decide(RequestParser.parse(ModbusFrame.of(Adu.of(1, 1, 6, 0, 0, 0, 0)))).allowed())
                .isTrue();
    }
}
