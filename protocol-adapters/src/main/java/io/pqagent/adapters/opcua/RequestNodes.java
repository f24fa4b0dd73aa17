package io.pqagent.adapters.opcua;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.eclipse.milo.opcua.stack.core.encoding.EncodingContext;
import org.eclipse.milo.opcua.stack.core.types.UaRequestMessageType;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExtensionObject;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.CallRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.CreateMonitoredItemsRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.DeleteAtTimeDetails;
import org.eclipse.milo.opcua.stack.core.types.structured.DeleteEventDetails;
import org.eclipse.milo.opcua.stack.core.types.structured.DeleteRawModifiedDetails;
import org.eclipse.milo.opcua.stack.core.types.structured.HistoryReadRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.HistoryReadValueId;
import org.eclipse.milo.opcua.stack.core.types.structured.HistoryUpdateRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.MonitoredItemCreateRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.ReadRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.ReadValueId;
import org.eclipse.milo.opcua.stack.core.types.structured.UpdateDataDetails;
import org.eclipse.milo.opcua.stack.core.types.structured.UpdateEventDetails;
import org.eclipse.milo.opcua.stack.core.types.structured.UpdateStructureDataDetails;
import org.eclipse.milo.opcua.stack.core.types.structured.WriteRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.WriteValue;

/** The nodes a decoded request reads, writes or calls (see {@link NodeAccess} for which fields count). */
final class RequestNodes {
    private RequestNodes() {
    }

    static Map<NodeAccess, List<NodeId>> of(UaRequestMessageType request, EncodingContext context) {
        Map<NodeAccess, List<NodeId>> out = new EnumMap<>(NodeAccess.class);
        if (request instanceof ReadRequest r) {
            out.put(NodeAccess.READ, ids(r.getNodesToRead(), ReadValueId::getNodeId));
        } else if (request instanceof HistoryReadRequest r) {
            out.put(NodeAccess.READ, ids(r.getNodesToRead(), HistoryReadValueId::getNodeId));
        } else if (request instanceof CreateMonitoredItemsRequest r) {
            out.put(NodeAccess.READ, ids(r.getItemsToCreate(), (MonitoredItemCreateRequest i) ->
                    i.getItemToMonitor() == null ? null : i.getItemToMonitor().getNodeId()));
        } else if (request instanceof WriteRequest r) {
            out.put(NodeAccess.WRITE, ids(r.getNodesToWrite(), WriteValue::getNodeId));
        } else if (request instanceof HistoryUpdateRequest r) {
            out.put(NodeAccess.WRITE, ids(r.getHistoryUpdateDetails(), (ExtensionObject x) -> updatedNode(x, context)));
        } else if (request instanceof CallRequest r) {
            out.put(NodeAccess.CALL, ids(r.getMethodsToCall(), CallMethodRequest::getMethodId));
        }
        return out;
    }

    private static <T> List<NodeId> ids(T[] items, java.util.function.Function<T, NodeId> id) {
        List<NodeId> out = new ArrayList<>();
        if (items != null) {
            for (T item : items) {
                NodeId n = item == null ? null : id.apply(item);
                out.add(n == null ? NodeId.NULL_VALUE : n); // a null node matches no list entry: denied where lists apply
            }
        }
        return out;
    }

    /**
     * The node of one HistoryUpdate detail (an ExtensionObject the request leaves encoded). A detail
     * Milo cannot decode, or of a type it does not know, names no node: {@link NodeId#NULL_VALUE}, which
     * no write list allows.
     */
    private static NodeId updatedNode(ExtensionObject detail, EncodingContext context) {
        Object d;
        try {
            d = detail.decode(context);
        } catch (RuntimeException undecodable) { // Milo's decoder reports bad bytes as runtime exceptions
            return NodeId.NULL_VALUE;
        }
        if (d instanceof UpdateDataDetails u) {
            return u.getNodeId();
        } else if (d instanceof UpdateStructureDataDetails u) {
            return u.getNodeId();
        } else if (d instanceof UpdateEventDetails u) {
            return u.getNodeId();
        } else if (d instanceof DeleteRawModifiedDetails u) {
            return u.getNodeId();
        } else if (d instanceof DeleteAtTimeDetails u) {
            return u.getNodeId();
        } else if (d instanceof DeleteEventDetails u) {
            return u.getNodeId();
        }
        return NodeId.NULL_VALUE;
    }
}
