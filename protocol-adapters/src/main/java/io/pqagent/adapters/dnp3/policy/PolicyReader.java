package io.pqagent.adapters.dnp3.policy;

import io.pqagent.adapters.dnp3.app.FunctionCode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Reads a service's {@code policy:} tree (as {@code ServicePolicy} keeps it: maps, lists, scalars; a
 * one-element list may arrive as its element) into {@link Dnp3Policies}. Every error is an
 * {@link IllegalArgumentException} naming the service and the key, e.g.
 * {@code service plc-b: policy.allow-objects[0].indexes[1]: '7-3' is not a range a-b with a <= b}.
 *
 * <pre>
 * allow: [READ]                       # functions on any objects; "all" for every function
 * allow-objects:                      # functions on listed objects only (with neither key: allow [READ])
 *   - {functions: [SELECT, OPERATE], group: 12, variation: 1, indexes: [0-3, 7]}
 * masters: [1]                        # link source addresses (default any)
 * outstations: [10]                   # link destination addresses (default any)
 * max-fragment: 2048                  # largest request fragment, 249..65536
 * peers:                              # per peer: each key given replaces the service's
 *   control-centre: {allow: [READ, WRITE]}
 * </pre>
 */
public final class PolicyReader {
    static final List<String> KEYS = List.of("allow", "allow-objects", "masters", "outstations", "max-fragment");
    private static final List<String> RULE_KEYS = List.of("functions", "group", "variation", "indexes");

    private final String service;

    private PolicyReader(String service) {
        this.service = service;
    }

    public static Dnp3Policies read(String service, Map<String, Object> tree) {
        PolicyReader r = new PolicyReader(service);
        for (String key : tree.keySet()) {
            if (!KEYS.contains(key) && !key.equals("peers")) {
                throw r.error("policy." + key, "unknown key (known: " + String.join(", ", KEYS) + ", peers)");
            }
        }
        Dnp3Policy base = r.policy(tree, Map.of(), "");
        Map<String, Dnp3Policy> peers = new LinkedHashMap<>();
        Object peersTree = tree.get("peers");
        if (peersTree != null) {
            for (Map.Entry<String, Object> e : r.section(peersTree, "policy.peers").entrySet()) {
                String at = "policy.peers." + e.getKey();
                Map<String, Object> override = r.section(e.getValue(), at);
                for (String key : override.keySet()) {
                    if (!KEYS.contains(key)) {
                        throw r.error(at + "." + key, "unknown key (a peer overrides: " + String.join(", ", KEYS) + ")");
                    }
                }
                peers.put(e.getKey(), r.policy(tree, override, at + "."));
            }
        }
        return new Dnp3Policies(base, peers);
    }

    /** The policy from {@code override}'s keys where it has them, the service's elsewhere. */
    private Dnp3Policy policy(Map<String, Object> service, Map<String, Object> override, String overridePath) {
        Set<FunctionCode> allowed = null;
        List<ObjectRule> rules = List.of();
        Optional<IndexSet> masters = Optional.empty();
        Optional<IndexSet> outstations = Optional.empty();
        int maxFragment = Dnp3Policy.DEFAULT_MAX_FRAGMENT;
        for (String key : KEYS) {
            boolean overridden = override.containsKey(key);
            Object value = overridden ? override.get(key) : service.get(key);
            if (value == null) {
                continue;
            }
            String path = (overridden ? overridePath : "policy.") + key;
            switch (key) {
                case "allow" -> allowed = allow(value, path);
                case "allow-objects" -> rules = rules(value, path);
                case "masters" -> masters = Optional.of(numbers(value, path, 0xFFFF));
                case "outstations" -> outstations = Optional.of(numbers(value, path, 0xFFFF));
                default -> maxFragment = integer(value, path, Dnp3Policy.MIN_MAX_FRAGMENT, Dnp3Policy.MAX_MAX_FRAGMENT);
            }
        }
        if (allowed == null) {
            // neither key: read-only; allow-objects alone: only what it lists (so it can narrow READ too)
            allowed = rules.isEmpty() ? EnumSet.of(FunctionCode.READ) : EnumSet.noneOf(FunctionCode.class);
        }
        return new Dnp3Policy(allowed, rules, masters, outstations, maxFragment);
    }

    private Set<FunctionCode> allow(Object value, String path) {
        List<Object> entries = list(value);
        if (entries.size() == 1 && entries.get(0) instanceof String s && s.trim().equalsIgnoreCase("all")) {
            Set<FunctionCode> all = EnumSet.noneOf(FunctionCode.class);
            Arrays.stream(FunctionCode.values()).filter(f -> !f.isResponse()).forEach(all::add);
            return all;
        }
        return functions(entries, path, false);
    }

    private Set<FunctionCode> functions(List<Object> entries, String path, boolean onObjects) {
        Set<FunctionCode> out = EnumSet.noneOf(FunctionCode.class);
        for (int i = 0; i < entries.size(); i++) {
            String at = path + "[" + i + "]";
            Object e = entries.get(i);
            Optional<FunctionCode> f = e instanceof String s ? FunctionCode.byName(s)
                    : e instanceof Integer n ? FunctionCode.of(n) : Optional.empty();
            if (f.isEmpty()) {
                throw error(at, describe(e) + " is not a DNP3 function (a name such as READ, SELECT, OPERATE, "
                        + "DIRECT_OPERATE, WRITE, or its code)" + (onObjects ? "" : "; 'all' allows every function"));
            }
            if (f.get().isResponse()) {
                throw error(at, f.get() + " is sent by outstations; a policy lists the master's requests");
            }
            if (onObjects && f.get().requestContent() == FunctionCode.RequestContent.NONE) {
                throw error(at, f.get() + " carries no objects; list it under allow");
            }
            out.add(f.get());
        }
        return out;
    }

    private List<ObjectRule> rules(Object value, String path) {
        List<ObjectRule> out = new ArrayList<>();
        List<Object> entries = list(value);
        for (int i = 0; i < entries.size(); i++) {
            String at = path + "[" + i + "]";
            Map<String, Object> rule = section(entries.get(i), at);
            for (String key : rule.keySet()) {
                if (!RULE_KEYS.contains(key)) {
                    throw error(at + "." + key, "unknown key (known: " + String.join(", ", RULE_KEYS) + ")");
                }
            }
            if (rule.get("functions") == null || rule.get("group") == null) {
                throw error(at, "an allow-objects entry needs functions and group");
            }
            Set<FunctionCode> functions = functions(list(rule.get("functions")), at + ".functions", true);
            int group = integer(rule.get("group"), at + ".group", 0, 0xFF);
            OptionalInt variation = rule.get("variation") == null ? OptionalInt.empty()
                    : OptionalInt.of(integer(rule.get("variation"), at + ".variation", 0, 0xFF));
            Optional<IndexSet> indexes = rule.get("indexes") == null ? Optional.empty()
                    : Optional.of(numbers(rule.get("indexes"), at + ".indexes", 0xFFFF));
            out.add(new ObjectRule(functions, group, variation, indexes));
        }
        return out;
    }

    /** A list of numbers and ranges {@code a-b}, e.g. {@code [0-3, 7]}. */
    private IndexSet numbers(Object value, String path, int max) {
        List<IndexRange> ranges = new ArrayList<>();
        List<Object> entries = list(value);
        if (entries.isEmpty()) {
            throw error(path, "an empty list would match nothing; leave the key out to allow any");
        }
        for (int i = 0; i < entries.size(); i++) {
            String at = entries.size() == 1 && !(value instanceof List) ? path : path + "[" + i + "]";
            Object e = entries.get(i);
            if (e instanceof Integer n) {
                ranges.add(range(n, n, at, max));
            } else if (e instanceof String s && s.trim().matches("\\d{1,6}(\\s*-\\s*\\d{1,6})?")) {
                String[] parts = s.split("-");
                int first = Integer.parseInt(parts[0].trim());
                int last = parts.length == 2 ? Integer.parseInt(parts[1].trim()) : first;
                ranges.add(range(first, last, at, max));
            } else {
                throw error(at, describe(e) + " is not a number or a range a-b");
            }
        }
        return new IndexSet(ranges);
    }

    private IndexRange range(int first, int last, String path, int max) {
        if (first < 0 || last < first || last > max) {
            throw error(path, "'" + first + "-" + last + "' is not a range a-b with a <= b within 0.." + max);
        }
        return new IndexRange(first, last);
    }

    private int integer(Object value, String path, int min, int max) {
        if (value instanceof Integer n && n >= min && n <= max) {
            return n;
        }
        throw error(path, describe(value) + " is not a whole number in " + min + ".." + max);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> section(Object value, String path) {
        if (value instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw error(path, "expected a section (key: value pairs), got " + describe(value));
    }

    private static List<Object> list(Object value) {
        return value instanceof List<?> l ? new ArrayList<>(l) : List.of(value);
    }

    private static String describe(Object v) {
        if (v instanceof Map) {
            return "a section";
        }
        if (v instanceof List) {
            return "a list";
        }
        return v instanceof String ? "'" + v + "'" : String.valueOf(v);
    }

    private IllegalArgumentException error(String path, String what) {
        return new IllegalArgumentException("service " + service + ": " + path + ": " + what);
    }
}
