package io.pqagent.agent.bench;

import java.util.Arrays;
import java.util.List;

/** Round-trip times of one path, sorted, in nanoseconds. */
public record LatencySample(String path, long[] sortedNanos) {
    public LatencySample {
        sortedNanos = sortedNanos.clone();
        Arrays.sort(sortedNanos);
        if (sortedNanos.length == 0) {
            throw new IllegalArgumentException("no round trips measured for " + path);
        }
    }

    /** All of {@code parts}' round trips as one sample of {@code path}. */
    public static LatencySample pooled(String path, List<LatencySample> parts) {
        return new LatencySample(path, parts.stream().flatMapToLong(p -> Arrays.stream(p.sortedNanos)).toArray());
    }

    /** The nearest-rank percentile, {@code p} in (0, 100]. */
    public long percentile(double p) {
        int rank = (int) Math.ceil(p / 100.0 * sortedNanos.length);
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, rank - 1))];
    }

    public long p50() {
        return percentile(50);
    }

    public long p99() {
        return percentile(99);
    }

    public int count() {
        return sortedNanos.length;
    }
}
