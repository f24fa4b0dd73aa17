package io.pqagent.agent.config;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A service's {@code policy} subtree, kept as the YAML gave it for the protocol adapters to read: nested
 * maps (key order kept), lists and scalars ({@code String}, {@code Integer}, {@code Long},
 * {@code Double}, {@code Boolean}, {@code Instant}). The loader checks none of it; each adapter
 * validates its own policy.
 *
 * <p>Commons Configuration does not keep a one-element list apart from its element, so read lists
 * through {@link #values(String)}, which gives a list either way.
 */
public record ServicePolicy(Map<String, Object> tree) {
    public static final ServicePolicy EMPTY = new ServicePolicy(Map.of());

    public ServicePolicy {
        tree = deepCopy(tree);
    }

    public Optional<Object> get(String key) {
        return Optional.ofNullable(tree.get(key));
    }

    /** The value at {@code key} as a list: empty if absent, one element if a single value was written. */
    public List<Object> values(String key) {
        Object v = tree.get(key);
        if (v == null) {
            return List.of();
        }
        return v instanceof List<?> l ? List.copyOf(l) : List.of(v);
    }

    /** A nested section, or {@link #EMPTY}. */
    @SuppressWarnings("unchecked")
    public ServicePolicy section(String key) {
        return tree.get(key) instanceof Map<?, ?> m ? new ServicePolicy((Map<String, Object>) m) : EMPTY;
    }

    public boolean isEmpty() {
        return tree.isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepCopy(Map<String, Object> in) {
        Map<String, Object> out = new LinkedHashMap<>();
        in.forEach((k, v) -> out.put(k, copyValue(v)));
        return Collections.unmodifiableMap(out);
    }

    @SuppressWarnings("unchecked")
    private static Object copyValue(Object v) {
        if (v instanceof Map<?, ?> m) {
            return deepCopy((Map<String, Object>) m);
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(e -> out.add(copyValue(e)));
            return Collections.unmodifiableList(out);
        }
        if (v instanceof Date d) {
            return Instant.ofEpochMilli(d.getTime()); // Date is mutable; SnakeYAML makes one for unquoted timestamps
        }
        if (v == null || v instanceof String || v instanceof Number || v instanceof Boolean || v instanceof Instant) {
            return v;
        }
        throw new IllegalArgumentException("unsupported policy value of type " + v.getClass().getSimpleName());
    }
}
