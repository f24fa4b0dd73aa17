package io.pqagent.qsmp.cli.bench;

import java.util.Arrays;

/**
 * Latency samples in nanoseconds, kept whole and summarised by nearest-rank percentiles of the sorted
 * samples: a run of a few hundred thousand samples fits in a few MiB, and no bucket rounds the tail.
 */
final class Latencies {
    private long[] samples = new long[4096];
    private int count;

    synchronized void add(long nanos) {
        if (count == samples.length) {
            samples = Arrays.copyOf(samples, samples.length * 2);
        }
        samples[count++] = nanos;
    }

    synchronized Summary summary() {
        long[] sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
        return new Summary(count, rank(sorted, 0.50), rank(sorted, 0.99), rank(sorted, 0.999),
                count == 0 ? 0 : sorted[count - 1]);
    }

    /** The smallest sample with at least {@code q} of all samples at or below it. */
    private static long rank(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
    }

    /** Nanoseconds. */
    record Summary(int count, long p50, long p99, long p999, long max) {

        String millis() {
            return String.format("p50 %s  p99 %s  p99.9 %s  max %s ms", ms(p50), ms(p99), ms(p999), ms(max));
        }

        String micros() {
            return String.format("p50 %s  p99 %s  p99.9 %s  max %s µs", us(p50), us(p99), us(p999), us(max));
        }

        static String ms(long nanos) {
            return String.format("%.2f", nanos / 1e6);
        }

        static String us(long nanos) {
            return String.format("%.1f", nanos / 1e3);
        }
    }
}
