package io.pqagent.sim.master;

import io.pqagent.agent.bench.LatencySample;
import java.util.Arrays;
import java.util.Optional;

/** Round-trip times of one protocol's requests, appended from any thread. */
public final class LatencyLog {
    private final String name;
    private long[] nanos = new long[1024];
    private int size;

    public LatencyLog(String name) {
        this.name = name;
    }

    public synchronized void add(long roundTripNanos) {
        if (size == nanos.length) {
            nanos = Arrays.copyOf(nanos, size * 2);
        }
        nanos[size++] = roundTripNanos;
    }

    public synchronized int count() {
        return size;
    }

    /** The round trips from the {@code from}-th on, in the order they were added (for streaming them elsewhere). */
    public synchronized long[] since(int from) {
        return Arrays.copyOfRange(nanos, Math.min(from, size), size);
    }

    /** The sorted sample so far, or empty when nothing was measured. */
    public synchronized Optional<LatencySample> sample() {
        return size == 0 ? Optional.empty() : Optional.of(new LatencySample(name, Arrays.copyOf(nanos, size)));
    }
}
