package io.pqagent.adapters.modbus;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One section of a Modbus policy as written: the service's own, or one peer's under {@code peers:}.
 * Each setting is present only if the section wrote it, so a peer's section can replace some settings
 * and inherit the rest ({@link #under}).
 */
public record PolicyRules(Optional<PolicyDefault> defaultAnswer, Optional<Boolean> readOnly,
        Optional<Set<Integer>> unitIds, Optional<Set<FunctionCode>> functionCodes,
        Map<Access, Map<DataTable, RangeSet>> ranges) {
    public PolicyRules {
        unitIds = unitIds.map(Set::copyOf);
        functionCodes = functionCodes.map(Set::copyOf);
        Map<Access, Map<DataTable, RangeSet>> copy = new EnumMap<>(Access.class);
        ranges.forEach((access, tables) -> copy.put(access, Map.copyOf(tables)));
        ranges = Map.copyOf(copy);
    }

    /**
     * These rules (a peer's) laid over {@code base} (the service's): each setting written here replaces
     * the base's, and address ranges replace the base's table by table ({@code write.coils} here leaves
     * the base's {@code write.holding-registers} in force).
     */
    public PolicyRules under(PolicyRules base) {
        Map<Access, Map<DataTable, RangeSet>> merged = new EnumMap<>(Access.class);
        for (Access a : Access.values()) {
            Map<DataTable, RangeSet> tables = new EnumMap<>(DataTable.class);
            tables.putAll(base.ranges.getOrDefault(a, Map.of()));
            tables.putAll(ranges.getOrDefault(a, Map.of()));
            merged.put(a, tables);
        }
        return new PolicyRules(defaultAnswer.or(base::defaultAnswer), readOnly.or(base::readOnly),
                unitIds.or(base::unitIds), functionCodes.or(base::functionCodes), merged);
    }

    /** The policy in force: unset settings take their defaults ({@code default: deny}, not read-only). */
    public ModbusPolicy resolve() {
        return new ModbusPolicy(defaultAnswer.orElse(PolicyDefault.DENY), readOnly.orElse(false), unitIds,
                functionCodes, ranges);
    }
}
