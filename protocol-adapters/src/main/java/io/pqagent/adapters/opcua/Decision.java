package io.pqagent.adapters.opcua;

import java.util.List;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;

/**
 * The policy's answer for one request: allowed, or denied with a reason for the audit log and the nodes
 * that caused it (empty when the service itself is refused).
 */
record Decision(boolean allowed, String reason, List<NodeId> refusedNodes) {
    static final Decision ALLOW = new Decision(true, "", List.of());

    Decision {
        refusedNodes = List.copyOf(refusedNodes);
    }

    static Decision deny(String reason) {
        return new Decision(false, reason, List.of());
    }

    static Decision deny(String reason, List<NodeId> nodes) {
        return new Decision(false, reason, nodes);
    }
}
