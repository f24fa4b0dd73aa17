package io.pqagent.adapters.dnp3.policy;

import java.util.List;
import java.util.stream.Collectors;

/** A union of {@link IndexRange}s, as a policy lists indexes or addresses: {@code [0-3, 7]}. */
public record IndexSet(List<IndexRange> ranges) {
    public IndexSet {
        ranges = List.copyOf(ranges);
    }

    public boolean contains(int n) {
        return ranges.stream().anyMatch(r -> r.contains(n));
    }

    @Override
    public String toString() {
        return ranges.stream().map(IndexRange::toString).collect(Collectors.joining(", ", "[", "]"));
    }
}
