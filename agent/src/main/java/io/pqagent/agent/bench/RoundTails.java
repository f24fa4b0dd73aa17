package io.pqagent.agent.bench;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What each path adds to the direct path's p99, round by round. On a shared 2-core VM a noisy spell of a
 * few hundred milliseconds lands in one path's round; pooled over all rounds it becomes that path's p99.
 * Comparing paths within each round, and taking the median over rounds, lets such a spell count once.
 *
 * @param addedNanos per path (not the direct one): its p99 minus the direct p99 of the same round
 */
record RoundTails(Map<String, long[]> addedNanos) {
    RoundTails {
        addedNanos = Collections.unmodifiableMap(new LinkedHashMap<>(addedNanos)); // keeps the paths' order
    }

    /** @param rounds per path, its samples of each round, every path with the same number of rounds */
    static RoundTails of(Map<String, List<LatencySample>> rounds, String direct) {
        List<LatencySample> base = rounds.get(direct);
        Map<String, long[]> added = new LinkedHashMap<>();
        rounds.forEach((path, samples) -> {
            if (path.equals(direct)) {
                return;
            }
            if (samples.size() != base.size()) {
                throw new IllegalArgumentException(path + " has " + samples.size() + " rounds, " + direct
                        + " has " + base.size());
            }
            long[] a = new long[samples.size()];
            for (int r = 0; r < a.length; r++) {
                a[r] = samples.get(r).p99() - base.get(r).p99();
            }
            added.put(path, a);
        });
        return new RoundTails(added);
    }

    int rounds() {
        return addedNanos.values().stream().findFirst().map(a -> a.length).orElse(0);
    }

    /** The median over rounds of what {@code path} added (the lower middle one of an even count). */
    long medianNanos(String path) {
        return median(addedNanos.get(path).clone());
    }

    /** The median over rounds of what {@code path} added minus what {@code other} added in the same round. */
    long medianDifferenceNanos(String path, String other) {
        long[] mine = addedNanos.get(path);
        long[] theirs = addedNanos.get(other);
        long[] d = new long[mine.length];
        for (int r = 0; r < d.length; r++) {
            d[r] = mine[r] - theirs[r];
        }
        return median(d);
    }

    /** Sorts {@code values} in place; the lower middle one of an even count. */
    private static long median(long[] values) {
        Arrays.sort(values);
        return values[(values.length - 1) / 2];
    }

    /** Rounds in which {@code path} added no more than {@code other} did. */
    int roundsAtOrBelow(String path, String other) {
        long[] mine = addedNanos.get(path);
        long[] theirs = addedNanos.get(other);
        int n = 0;
        for (int r = 0; r < mine.length; r++) {
            if (mine[r] <= theirs[r]) {
                n++;
            }
        }
        return n;
    }
}
