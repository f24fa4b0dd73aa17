package io.pqagent.adapters.modbus;

import io.pqagent.agent.filter.FilterOutput;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The Modbus filter's audit events (the agent adds peer and service and counts each event by name):
 * {@code modbus_denied} (the policy refused a request), {@code modbus_refused} (the specification
 * refuses it: unsupported function, quantity or address out of range), {@code modbus_malformed} (the
 * stream was closed).
 */
final class ModbusAudit {
    static final String DENIED = "modbus_denied";
    static final String REFUSED = "modbus_refused";
    static final String MALFORMED = "modbus_malformed";

    private ModbusAudit() {
    }

    /** A request answered with an exception response instead of reaching the PLC. */
    static void answered(FilterOutput out, String event, ModbusFrame request, List<TableAccess> accesses,
            ExceptionCode code, String reason) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("unit", request.unitId());
        f.put("fc", request.functionCode());
        f.put("transaction", request.transactionId());
        f.put("address", accesses.stream().map(TableAccess::toString).collect(Collectors.joining("; ")));
        f.put("exception", code.code());
        f.put("reason", reason);
        out.audit(event, f);
    }

    /** A frame that closed the stream; {@code direction} is request (from the master) or response (from the PLC). */
    static void malformed(FilterOutput out, String direction, String reason) {
        out.audit(MALFORMED, Map.of("direction", direction, "reason", reason));
    }
}
