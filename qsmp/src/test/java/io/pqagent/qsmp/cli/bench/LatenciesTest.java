package io.pqagent.qsmp.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatenciesTest {

    @Test
    void percentilesAreNearestRanksOfTheSortedSamples() {
        Latencies l = new Latencies();
        for (int i = 10_000; i >= 1; i--) { // out of order, and more than the initial capacity
            l.add(i);
        }
        Latencies.Summary s = l.summary();
        assertThat(s.count()).isEqualTo(10_000);
        assertThat(s.p50()).isEqualTo(5_000);
        assertThat(s.p99()).isEqualTo(9_900);
        assertThat(s.p999()).isEqualTo(9_990);
        assertThat(s.max()).isEqualTo(10_000);
    }

    @Test
    void aSingleSampleIsEveryPercentile() {
        Latencies l = new Latencies();
        l.add(42);
        assertThat(l.summary()).isEqualTo(new Latencies.Summary(1, 42, 42, 42, 42));
    }

    @Test
    void noSamplesSummariseAsZero() {
        assertThat(new Latencies().summary()).isEqualTo(new Latencies.Summary(0, 0, 0, 0, 0));
    }

    @Test
    void millisecondsAreRenderedWithTwoDecimals() {
        assertThat(new Latencies.Summary(1, 1_234_567, 9_990_000, 10_000_000, 12_345_678).millis())
                .isEqualTo("p50 1.23  p99 9.99  p99.9 10.00  max 12.35 ms");
    }
}
