package io.pqagent.sim.master;

import io.pqagent.sim.device.Protocol;
import java.util.List;

/**
 * What one master did: requests answered (refusals included), errors (failed cycles), reconnects, its
 * writes by outcome, how many count checks it made and which failed, its probes, and the values the
 * device pushed to it (OPC UA subscription data changes).
 */
public record MasterReport(String name, Protocol protocol, long requests, long errors, long reconnects, String lastError,
        long writesAcknowledged, long writesRefused, long writesUnknown, long checks, List<String> violations,
        long probesAsked, long probesDenied, long probesCarriedOut, long probesFailed,
        long notifications) {
    public MasterReport {
        violations = List.copyOf(violations);
    }
}
