package io.pqagent.agent.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * How one named list (peers, services, exposed targets) differs between two configurations, matched by
 * name. An entry whose every setting is equal is {@code unchanged}: its tunnel or listener is left alone.
 */
public record Changes<T>(List<T> added, List<T> removed, List<Change<T>> changed, List<T> unchanged) {

    /** The same name with different settings: the old entry is stopped and the new one started. */
    public record Change<T>(T before, T after) {
    }

    public Changes {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        changed = List.copyOf(changed);
        unchanged = List.copyOf(unchanged);
    }

    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
    }

    /** Entries are in the new file's order; removed ones in the old file's order. */
    static <T> Changes<T> between(List<T> before, List<T> after, Function<T, String> name) {
        Map<String, T> old = new LinkedHashMap<>();
        before.forEach(e -> old.put(name.apply(e), e));
        List<T> added = new ArrayList<>();
        List<Change<T>> changed = new ArrayList<>();
        List<T> unchanged = new ArrayList<>();
        for (T e : after) {
            T previous = old.remove(name.apply(e));
            if (previous == null) {
                added.add(e);
            } else if (previous.equals(e)) {
                unchanged.add(e);
            } else {
                changed.add(new Change<>(previous, e));
            }
        }
        return new Changes<>(added, List.copyOf(old.values()), changed, unchanged);
    }
}
