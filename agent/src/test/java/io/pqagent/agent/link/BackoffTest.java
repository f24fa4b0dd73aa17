package io.pqagent.agent.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The backoff's waits: doubling up to the ceiling, jittered within its upper half, lower ceilings per wait. */
class BackoffTest {

    @Test
    void waitsDoubleWithinTheirUpperHalfUpToTheMaximum() {
        Backoff b = new Backoff(Duration.ofMillis(250), Duration.ofSeconds(30));
        for (int n = 0; n < 40; n++) {
            long cap = Math.min(30_000, 250L << Math.min(n, 20));
            assertThat(b.next().toMillis()).as("attempt " + n).isBetween(cap / 2, cap);
        }
        b.reset();
        assertThat(b.next().toMillis()).isBetween(125L, 250L);
    }

    @Test
    void aLowerCeilingHoldsThatWaitShortWhileTheAttemptsStillCount() {
        Backoff b = new Backoff(Duration.ofMillis(250), Duration.ofSeconds(30));
        for (int n = 0; n < 40; n++) {
            long cap = Math.min(2_000, 250L << Math.min(n, 20));
            assertThat(b.next(Duration.ofSeconds(2)).toMillis()).as("attempt " + n).isBetween(cap / 2, cap);
        }
        assertThat(b.attempts()).isEqualTo(40);
        assertThat(b.next().toMillis()).as("a costly failure after them backs off fully").isBetween(15_000L, 30_000L);
    }
}
