package io.pqagent.qsmp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The figures line: nearest-rank percentiles over the round trips, payload throughput, fixed format. */
class RunFiguresTest {

    @Test
    void percentilesAreNearestRank() {
        // 1..100 ms, shuffled: p50 is the 50th smallest, p99 the 99th
        long[] millis = LongStream.rangeClosed(1, 100).map(i -> (i * 37) % 100 + 1).toArray();
        RunFigures f = new RunFigures(100, 100 * 1024, 2_000_000_000L, LongStream.of(millis).map(m -> m * 1_000_000).toArray());
        assertThat(f.percentileMillis(50)).isEqualTo(50.0);
        assertThat(f.percentileMillis(99)).isEqualTo(99.0);
        assertThat(f.percentileMillis(100)).isEqualTo(100.0);
    }

    @Test
    void aSingleRoundTripIsEveryPercentile() {
        RunFigures f = new RunFigures(1, 12, 3_000_000L, new long[] {3_000_000L});
        assertThat(f.percentileMillis(50)).isEqualTo(3.0);
        assertThat(f.percentileMillis(99)).isEqualTo(3.0);
    }

    @Test
    void theLineHasEveryFigure() {
        RunFigures f = new RunFigures(20, 20_480, 500_000_000L, LongStream.range(0, 20).map(i -> 1_500_000L + i * 100_000L)
                .toArray());
        assertThat(f.line()).isEqualTo(
                "messages=20 bytes=20480 elapsed=0.500s throughput=0.041MB/s rtt_p50=2.400ms rtt_p99=3.400ms");
    }
}
