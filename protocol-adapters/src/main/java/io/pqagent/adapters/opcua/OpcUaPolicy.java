package io.pqagent.adapters.opcua;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;

/**
 * The service policy in force for one peer's streams (the service's settings with the peer's section
 * laid over them). A request passes when its service is always allowed (discovery and session), or
 * when it is not denied, is allowed (listed, or {@code default: allow}), and every node it reads,
 * writes or calls is in the matching {@code nodes} list, where such a list is given.
 *
 * @param requireDecodable refuse secure channels the filter cannot read (a security policy other than None)
 */
record OpcUaPolicy(boolean defaultAllow, Set<String> allow, Set<String> deny, Map<NodeAccess, NodeList> nodes,
        boolean requireDecodable) {

    OpcUaPolicy {
        allow = Set.copyOf(allow);
        deny = Set.copyOf(deny);
        nodes = nodes.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(nodes));
    }

    Decision decide(String service, Map<NodeAccess, List<NodeId>> touched) {
        if (ServiceNames.ALWAYS_ALLOWED.contains(service)) {
            return Decision.ALLOW;
        }
        if (deny.contains(service)) {
            return Decision.deny(service + " is denied (policy.deny)");
        }
        if (!allow.contains(service) && !defaultAllow) {
            return Decision.deny(service + " is not in policy.allow (default: deny)");
        }
        for (Map.Entry<NodeAccess, List<NodeId>> e : touched.entrySet()) {
            NodeList list = nodes.get(e.getKey());
            if (list == null) {
                continue;
            }
            List<NodeId> refused = new ArrayList<>();
            for (NodeId n : e.getValue()) {
                if (!list.covers(n)) {
                    refused.add(n);
                }
            }
            if (!refused.isEmpty()) {
                return Decision.deny(service + ": " + e.getKey().key() + " of " + refused.size() + " node(s) not in policy.nodes."
                        + e.getKey().key(), refused);
            }
        }
        return Decision.ALLOW;
    }
}
