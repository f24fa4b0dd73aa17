package io.pqagent.adapters.opcua;

import java.util.List;
import java.util.Map;
import org.eclipse.milo.opcua.stack.core.types.UaRequestMessageType;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;

/**
 * A service request as Milo decoded it: its service name ({@link ServiceNames}), the message, and the
 * nodes it reads, writes or calls.
 */
record DecodedRequest(String service, UaRequestMessageType message, Map<NodeAccess, List<NodeId>> nodes) {
    DecodedRequest {
        nodes = Map.copyOf(nodes);
    }

    /** The client's handle, which a response must carry back (OPC 10000-4 §7.33, §7.34). */
    long requestHandle() {
        return message.getRequestHeader().getRequestHandle().longValue();
    }

    /** Milo's request type name, e.g. WriteRequest. */
    String requestType() {
        return message.getClass().getSimpleName();
    }
}
