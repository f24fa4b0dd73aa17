package io.pqagent.adapters.opcua;

import java.util.Set;
import java.util.TreeSet;
import org.eclipse.milo.opcua.stack.core.types.UaRequestMessageType;

/**
 * The OPC UA services by the names OPC 10000-4 gives them ("Read", "CreateSubscription"), which are
 * the policy's vocabulary. A decoded request's name is its Milo class name without "Request".
 */
final class ServiceNames {
    /**
     * Discovery and session services: a client cannot do anything without them, and they read or
     * change no node, so they always pass and the policy may not name them.
     */
    static final Set<String> ALWAYS_ALLOWED = Set.of("FindServers", "FindServersOnNetwork", "GetEndpoints",
            "CreateSession", "ActivateSession", "CloseSession");

    /** The services a policy decides on (OPC 10000-4 §5.4–§5.14). */
    static final Set<String> GOVERNED = Set.of(
            "Cancel",
            "AddNodes", "AddReferences", "DeleteNodes", "DeleteReferences",
            "Browse", "BrowseNext", "TranslateBrowsePathsToNodeIds", "RegisterNodes", "UnregisterNodes",
            "QueryFirst", "QueryNext",
            "Read", "HistoryRead", "Write", "HistoryUpdate",
            "Call",
            "CreateMonitoredItems", "ModifyMonitoredItems", "SetMonitoringMode", "SetTriggering", "DeleteMonitoredItems",
            "CreateSubscription", "ModifySubscription", "SetPublishingMode", "Publish", "Republish",
            "TransferSubscriptions", "DeleteSubscriptions",
            "RegisterServer", "RegisterServer2");

    private ServiceNames() {
    }

    static String of(UaRequestMessageType request) {
        String n = request.getClass().getSimpleName();
        return n.endsWith("Request") ? n.substring(0, n.length() - "Request".length()) : n;
    }

    /** The governed names, sorted, for error messages. */
    static String governedList() {
        return String.join(", ", new TreeSet<>(GOVERNED));
    }
}
