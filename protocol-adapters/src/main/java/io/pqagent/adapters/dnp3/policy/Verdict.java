package io.pqagent.adapters.dnp3.policy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The decision on one request fragment. A denial names the function, the object group and index (range)
 * that failed where there is one, and why; these are the audit entry's fields.
 */
public record Verdict(boolean allowed, String function, OptionalInt group, String index, String reason) {
    public static Verdict allow(String function) {
        return new Verdict(true, function, OptionalInt.empty(), "", "");
    }

    public static Verdict deny(String function, String reason) {
        return new Verdict(false, function, OptionalInt.empty(), "", reason);
    }

    public static Verdict deny(String function, int group, String index, String reason) {
        return new Verdict(false, function, OptionalInt.of(group), index, reason);
    }

    /** function, group and index (when known), reason: the audit entry's fields, plain values. */
    public Map<String, Object> fields() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("function", function);
        if (group.isPresent()) {
            f.put("group", group.getAsInt());
            f.put("index", index);
        }
        f.put("reason", reason);
        return f;
    }
}
