package io.pqagent.adapters.modbus;

import java.util.List;

/**
 * A request that passed every check of the specification: its frame (forwarded unchanged if the policy
 * allows it), its function, the table ranges it reads or writes, and the shape its answer must have.
 */
public record ParsedRequest(ModbusFrame frame, FunctionCode function, List<TableAccess> accesses,
        ExpectedResponse expected) {
    public ParsedRequest {
        accesses = List.copyOf(accesses);
    }

    public int unitId() {
        return frame.unitId();
    }
}
