package io.pqagent.adapters.opcua;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;

/**
 * The nodes a {@code nodes.<read|write|call>} entry allows: node ids in OPC UA's text form
 * ({@code ns=2;s=Pump1.Setpoint}, {@code i=2255}, {@code ns=3;g=...}, {@code ns=1;b=...}, parsed by
 * Milo) or a whole namespace ({@code ns=2;*}). Namespace indexes are the server's own: a node is matched
 * as the client names it on the wire.
 */
record NodeList(Set<NodeId> nodes, Set<Integer> namespaces) {
    private static final Pattern NAMESPACE = Pattern.compile("ns=(\\d{1,5});\\*");

    NodeList {
        nodes = Set.copyOf(nodes);
        namespaces = Set.copyOf(namespaces);
    }

    boolean covers(NodeId node) {
        return nodes.contains(node) || namespaces.contains(node.getNamespaceIndex().intValue());
    }

    /** @throws IllegalArgumentException naming the entry that is not a node id */
    static NodeList parse(List<String> entries) {
        Set<NodeId> nodes = new LinkedHashSet<>();
        Set<Integer> namespaces = new LinkedHashSet<>();
        for (String e : entries) {
            String text = e.strip();
            Matcher m = NAMESPACE.matcher(text);
            if (m.matches()) {
                int ns = Integer.parseInt(m.group(1));
                if (ns > 65535) {
                    throw new IllegalArgumentException("'" + e + "': namespace index above 65535");
                }
                namespaces.add(ns);
                continue;
            }
            if (text.startsWith("nsu=") || text.startsWith("svr=")) {
                throw new IllegalArgumentException("'" + e + "': write the namespace as its index (ns=N), as the"
                        + " client sends it; namespace URIs and server indexes are not matched");
            }
            NodeId id = NodeId.parseOrNull(text);
            if (id == null) {
                throw new IllegalArgumentException("'" + e + "' is not a node id (e.g. ns=2;s=Pump1.Setpoint, i=2255,"
                        + " or ns=2;* for a whole namespace)");
            }
            nodes.add(id);
        }
        return new NodeList(nodes, namespaces);
    }
}
