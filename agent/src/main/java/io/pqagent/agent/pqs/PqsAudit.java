package io.pqagent.agent.pqs;

import java.util.Map;

/**
 * Where the PQS server reports every login, command and transfer. The agent's runtime passes its audit
 * log (observe.AuditLog has this shape); keeping the interface here leaves the pqs layer below observe.
 */
@FunctionalInterface
public interface PqsAudit {
    void record(String event, Map<String, ?> fields);
}
