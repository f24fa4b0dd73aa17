package io.pqagent.adapters.dnp3.policy;

/** Numbers {@code first..last} inclusive: point indexes or link addresses (both 0..65535). */
public record IndexRange(int first, int last) {
    public IndexRange {
        if (first < 0 || last < first || last > 0xFFFF) {
            throw new IllegalArgumentException(first + "-" + last + " is not a range a-b with a <= b within 0..65535");
        }
    }

    public boolean contains(int n) {
        return n >= first && n <= last;
    }

    @Override
    public String toString() {
        return first == last ? Integer.toString(first) : first + "-" + last;
    }
}
