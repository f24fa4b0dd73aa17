package io.pqagent.agent.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class RoundTailsTest {
    /** 100 samples 1..100 plus {@code shift}: the p99 (nearest rank) is 99 + shift. */
    private static LatencySample round(String path, long shift) {
        return new LatencySample(path, LongStream.rangeClosed(1, 100).map(v -> v + shift).toArray());
    }

    private static Map<String, List<LatencySample>> rounds() {
        Map<String, List<LatencySample>> m = new LinkedHashMap<>();
        m.put("direct", List.of(round("direct", 0), round("direct", 1_000), round("direct", 0)));
        // adds 10, 5 and 40: one noisy round
        m.put("ours", List.of(round("ours", 10), round("ours", 1_005), round("ours", 40)));
        // adds 20, 0 and 20
        m.put("theirs", List.of(round("theirs", 20), round("theirs", 1_000), round("theirs", 20)));
        return m;
    }

    @Test
    void eachRoundIsMeasuredAgainstItsOwnDirectPath() {
        RoundTails tails = RoundTails.of(rounds(), "direct");
        assertEquals(3, tails.rounds());
        assertEquals(List.of("ours", "theirs"), List.copyOf(tails.addedNanos().keySet()));
        // a slow direct round (the second) does not count as the others adding a thousand
        assertEquals(10, tails.medianNanos("ours"));
        assertEquals(20, tails.medianNanos("theirs"));
    }

    @Test
    void countsTheRoundsAPathAddsNoMoreThanAnother() {
        RoundTails tails = RoundTails.of(rounds(), "direct");
        assertEquals(1, tails.roundsAtOrBelow("ours", "theirs"));
        assertEquals(2, tails.roundsAtOrBelow("theirs", "ours"));
    }

    @Test
    void comparesTwoPathsRoundByRound() {
        RoundTails tails = RoundTails.of(rounds(), "direct");
        // ours minus theirs per round: -10, +5, +20
        assertEquals(5, tails.medianDifferenceNanos("ours", "theirs"));
        assertEquals(-5, tails.medianDifferenceNanos("theirs", "ours"));
    }

    @Test
    void theMedianOfAnEvenCountIsTheLowerMiddle() {
        Map<String, List<LatencySample>> m = new LinkedHashMap<>();
        m.put("direct", List.of(round("direct", 0), round("direct", 0)));
        m.put("ours", List.of(round("ours", 30), round("ours", 10)));
        assertEquals(10, RoundTails.of(m, "direct").medianNanos("ours"));
    }

    @Test
    void poolsRoundsIntoOneSample() {
        LatencySample all = LatencySample.pooled("ours", List.of(round("ours", 0), round("ours", 100)));
        assertEquals(200, all.count());
        assertEquals(100, all.p50());
        assertEquals(198, all.p99());
    }

    @Test
    void refusesPathsWithDifferentRoundCounts() {
        Map<String, List<LatencySample>> m = new LinkedHashMap<>();
        m.put("direct", List.of(round("direct", 0), round("direct", 0)));
        m.put("ours", List.of(round("ours", 30)));
        assertThrows(IllegalArgumentException.class, () -> RoundTails.of(m, "direct"));
    }
}
