package io.pqagent.qsmp.cli;

import java.util.Arrays;
import java.util.Locale;

/**
 * The figures of a scripted run, printed as one line of {@code key=value} fields so that scripts can
 * read it: messages and payload bytes sent, elapsed time from the first send to the last echo,
 * throughput of the payload (10^6 bytes per second), and the round trips' median and 99th percentile.
 */
record RunFigures(int messages, long bytes, long elapsedNanos, long[] roundTripNanos) {

    RunFigures {
        roundTripNanos = roundTripNanos.clone();
        Arrays.sort(roundTripNanos);
    }

    /** Nearest-rank percentile: the smallest round trip with at least {@code p}% of them at or below it. */
    double percentileMillis(double p) {
        int rank = (int) Math.ceil(p / 100.0 * roundTripNanos.length);
        return roundTripNanos[Math.max(rank, 1) - 1] / 1e6;
    }

    double throughputMegabytesPerSecond() {
        return elapsedNanos == 0 ? 0 : bytes / (elapsedNanos / 1e9) / 1e6;
    }

    String line() {
        return String.format(Locale.ROOT,
                "messages=%d bytes=%d elapsed=%.3fs throughput=%.3fMB/s rtt_p50=%.3fms rtt_p99=%.3fms",
                messages, bytes, elapsedNanos / 1e9, throughputMegabytesPerSecond(), percentileMillis(50),
                percentileMillis(99));
    }
}
