package io.pqagent.adapters.opcua;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a service's {@code policy:} tree (as the agent's configuration loader gives it: maps, lists,
 * scalars; a one-element list may arrive as its element) into {@link OpcUaPolicies}. Every mistake is an
 * {@link IllegalArgumentException} naming the key ({@code policy.peers.site-b.nodes.write}) and what is
 * wrong, so a bad policy stops the configuration from loading instead of surprising the first stream.
 *
 * <pre>
 * default: deny | allow          for a service in neither list (default: deny)
 * allow: [Read, Browse, ...]      services that pass
 * deny: [Write, Call]             services that never pass (deny wins over allow)
 * nodes:                          optional, per kind: only these nodes (node ids, or ns=N;* for a namespace)
 *   read: [...]  write: [...]  call: [...]
 * require-decodable: false        true: refuse secure channels with a security policy other than None
 * peers:                          per peer, any of the keys above; each replaces the service's (nodes: kind by kind)
 *   site-b: {deny: [Write]}
 * </pre>
 */
final class OpcUaPolicyReader {
    private static final Set<String> SECTION_KEYS = Set.of("default", "allow", "deny", "nodes", "require-decodable");
    private static final String PEERS = "peers";

    /** One section as written: null where a key is left out. */
    private record Section(Boolean defaultAllow, Set<String> allow, Set<String> deny, Map<NodeAccess, NodeList> nodes,
            Boolean requireDecodable) {
    }

    private OpcUaPolicyReader() {
    }

    static OpcUaPolicies read(Map<String, Object> tree) {
        Section base = section(tree, "policy.", true);
        OpcUaPolicy basePolicy = resolve(base, null);
        Map<String, OpcUaPolicy> peers = new LinkedHashMap<>();
        if (tree.containsKey(PEERS)) {
            Object v = tree.get(PEERS);
            if (!(v instanceof Map<?, ?> m)) {
                throw new IllegalArgumentException("policy.peers: expected a section with one entry per peer name, got "
                        + describe(v));
            }
            for (Map.Entry<?, ?> e : m.entrySet()) {
                String peer = String.valueOf(e.getKey());
                String prefix = "policy.peers." + peer + ".";
                if (!(e.getValue() instanceof Map<?, ?> section)) {
                    throw new IllegalArgumentException(prefix.substring(0, prefix.length() - 1)
                            + ": expected a section of policy keys, got " + describe(e.getValue()));
                }
                peers.put(peer, resolve(base, section(asStringMap(section), prefix, false)));
            }
        }
        return new OpcUaPolicies(basePolicy, peers);
    }

    private static Section section(Map<String, Object> m, String prefix, boolean top) {
        for (String key : m.keySet()) {
            if (!SECTION_KEYS.contains(key) && !(top && key.equals(PEERS))) {
                Set<String> known = new TreeSet<>(SECTION_KEYS);
                if (top) {
                    known.add(PEERS);
                }
                throw new IllegalArgumentException(prefix + key + ": unknown key (known: " + String.join(", ", known) + ")");
            }
            if (m.get(key) == null) {
                throw new IllegalArgumentException(prefix + key + ": no value (an empty list cannot be told from a"
                        + " missing one by the configuration loader: leave the key out instead)");
            }
        }
        Boolean defaultAllow = null;
        if (m.containsKey("default")) {
            Object v = m.get("default");
            String text = v instanceof String s ? s.strip().toLowerCase(Locale.ROOT) : "";
            if (!text.equals("allow") && !text.equals("deny")) {
                throw new IllegalArgumentException(prefix + "default: expected allow or deny, got " + describe(v));
            }
            defaultAllow = text.equals("allow");
        }
        Set<String> allow = m.containsKey("allow") ? services(m.get("allow"), prefix + "allow") : null;
        Set<String> deny = m.containsKey("deny") ? services(m.get("deny"), prefix + "deny") : null;
        if (allow != null && deny != null) {
            Set<String> both = new TreeSet<>(allow);
            both.retainAll(deny);
            if (!both.isEmpty()) {
                throw new IllegalArgumentException(prefix + "allow/deny: " + String.join(", ", both)
                        + " in both lists (name each service once)");
            }
        }
        Map<NodeAccess, NodeList> nodes = m.containsKey("nodes") ? nodes(m.get("nodes"), prefix + "nodes") : null;
        Boolean requireDecodable = null;
        if (m.containsKey("require-decodable")) {
            Object v = m.get("require-decodable");
            if (!(v instanceof Boolean b)) {
                throw new IllegalArgumentException(prefix + "require-decodable: expected true or false, got " + describe(v));
            }
            requireDecodable = b;
        }
        return new Section(defaultAllow, allow, deny, nodes, requireDecodable);
    }

    private static Set<String> services(Object v, String key) {
        Set<String> out = new LinkedHashSet<>();
        for (Object o : list(v)) {
            if (!(o instanceof String s) || s.isBlank()) {
                throw new IllegalArgumentException(key + ": expected service names, got " + describe(o));
            }
            String name = s.strip();
            if (ServiceNames.ALWAYS_ALLOWED.contains(name)) {
                throw new IllegalArgumentException(key + ": " + name + " is always allowed (a client cannot open a"
                        + " session without it); leave it out");
            }
            if (!ServiceNames.GOVERNED.contains(name)) {
                throw new IllegalArgumentException(key + ": unknown service '" + name + "' (services: "
                        + ServiceNames.governedList() + ")");
            }
            out.add(name);
        }
        return out;
    }

    private static Map<NodeAccess, NodeList> nodes(Object v, String key) {
        if (!(v instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException(key + ": expected a section with read, write or call, got " + describe(v));
        }
        Map<NodeAccess, NodeList> out = new EnumMap<>(NodeAccess.class);
        for (Map.Entry<?, ?> e : m.entrySet()) {
            String kind = String.valueOf(e.getKey());
            NodeAccess access = NodeAccess.byKey(kind);
            if (access == null) {
                throw new IllegalArgumentException(key + "." + kind + ": unknown kind (known: read, write, call)");
            }
            if (e.getValue() == null) {
                throw new IllegalArgumentException(key + "." + kind + ": no value (leave the key out to allow every node)");
            }
            List<String> entries = new ArrayList<>();
            for (Object o : list(e.getValue())) {
                if (!(o instanceof String s)) {
                    throw new IllegalArgumentException(key + "." + kind + ": expected node ids, got " + describe(o));
                }
                entries.add(s);
            }
            try {
                out.put(access, NodeList.parse(entries));
            } catch (IllegalArgumentException bad) {
                throw new IllegalArgumentException(key + "." + kind + ": " + bad.getMessage(), bad);
            }
        }
        return out;
    }

    /** The service's section, with {@code over} (a peer's) laid over it; left-out settings take their defaults. */
    private static OpcUaPolicy resolve(Section base, Section over) {
        Map<NodeAccess, NodeList> nodes = new EnumMap<>(NodeAccess.class);
        if (base.nodes != null) {
            nodes.putAll(base.nodes);
        }
        if (over != null && over.nodes != null) {
            nodes.putAll(over.nodes); // kind by kind: a peer's write list leaves the service's read list in force
        }
        return new OpcUaPolicy(
                pick(over == null ? null : over.defaultAllow, base.defaultAllow, false),
                pick(over == null ? null : over.allow, base.allow, Set.of()),
                pick(over == null ? null : over.deny, base.deny, Set.of()),
                nodes,
                pick(over == null ? null : over.requireDecodable, base.requireDecodable, false));
    }

    private static <T> T pick(T over, T base, T otherwise) {
        return over != null ? over : base != null ? base : otherwise;
    }

    private static List<?> list(Object v) {
        return v instanceof List<?> l ? l : List.of(v);
    }

    private static Map<String, Object> asStringMap(Map<?, ?> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, val) -> out.put(String.valueOf(k), val));
        return out;
    }

    private static String describe(Object v) {
        if (v == null) {
            return "no value";
        }
        if (v instanceof Map<?, ?>) {
            return "a section";
        }
        if (v instanceof List<?>) {
            return "a list";
        }
        if (v instanceof String s) {
            return "'" + s + "'";
        }
        return "the " + v.getClass().getSimpleName().toLowerCase(Locale.ROOT) + " " + v;
    }
}
