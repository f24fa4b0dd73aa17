package io.pqagent.adapters.modbus;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The policy in force for one peer of one service. A request passes only if its unit id, its function
 * code and every range it reads or writes are allowed; a list the policy does not give leaves that
 * question to {@code defaultAnswer}. Checked in that order, and the first refusal decides the
 * exception code: unit id 0x0A (no path to that device), function code 01, address 02.
 */
public record ModbusPolicy(PolicyDefault defaultAnswer, boolean readOnly, Optional<Set<Integer>> unitIds,
        Optional<Set<FunctionCode>> functionCodes, Map<Access, Map<DataTable, RangeSet>> ranges) {

    public PolicyVerdict decide(ParsedRequest request) {
        int unit = request.unitId();
        if (unitIds.isPresent() ? !unitIds.get().contains(unit) : defaultAnswer == PolicyDefault.DENY) {
            return PolicyVerdict.deny(ExceptionCode.GATEWAY_PATH_UNAVAILABLE, "unit id " + unit + " not allowed");
        }
        FunctionCode fc = request.function();
        if (readOnly && fc.writes()) {
            return PolicyVerdict.deny(ExceptionCode.ILLEGAL_FUNCTION, "read-only: function " + fc.code() + " writes");
        }
        if (functionCodes.isPresent() ? !functionCodes.get().contains(fc) : defaultAnswer == PolicyDefault.DENY) {
            return PolicyVerdict.deny(ExceptionCode.ILLEGAL_FUNCTION, "function " + fc.code() + " not allowed");
        }
        for (TableAccess a : request.accesses()) {
            RangeSet allowed = ranges.getOrDefault(a.access(), Map.of()).get(a.table());
            if (allowed == null ? defaultAnswer == PolicyDefault.DENY : !allowed.covers(a.range())) {
                return PolicyVerdict.deny(ExceptionCode.ILLEGAL_DATA_ADDRESS, a + " not allowed");
            }
        }
        return PolicyVerdict.ALLOW;
    }
}
