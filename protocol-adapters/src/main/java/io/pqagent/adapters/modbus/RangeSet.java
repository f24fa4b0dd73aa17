package io.pqagent.adapters.modbus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The addresses a policy allows in one table for one kind of access: the union of the ranges it lists,
 * kept merged, so a request spanning two adjacent listed ranges (0-9 and 10-19) is covered.
 */
public record RangeSet(List<AddressRange> ranges) {
    public static final RangeSet NONE = new RangeSet(List.of());

    public RangeSet {
        ranges = merge(ranges);
    }

    /** Whether every address of {@code r} is allowed. */
    public boolean covers(AddressRange r) {
        for (AddressRange allowed : ranges) {
            if (allowed.contains(r)) {
                return true;
            }
        }
        return false;
    }

    private static List<AddressRange> merge(List<AddressRange> in) {
        List<AddressRange> sorted = new ArrayList<>(in);
        sorted.sort(Comparator.comparingInt(AddressRange::first));
        List<AddressRange> out = new ArrayList<>();
        for (AddressRange r : sorted) {
            AddressRange last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && r.first() <= last.last() + 1) {
                out.set(out.size() - 1, new AddressRange(last.first(), Math.max(last.last(), r.last())));
            } else {
                out.add(r);
            }
        }
        return List.copyOf(out);
    }

    @Override
    public String toString() {
        return ranges.isEmpty() ? "none" : String.join(", ", ranges.stream().map(AddressRange::toString).toList());
    }
}
