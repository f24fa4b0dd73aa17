package io.pqagent.agent.link;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Bounded exponential backoff with "equal jitter": the n-th retry waits between half and all of
 * min(max, base·2^n), so a fleet of agents that lost the same peer does not reconnect in lockstep.
 */
public final class Backoff {
    private final long baseMillis;
    private final long maxMillis;
    private int attempt;

    public Backoff(Duration base, Duration max) {
        this.baseMillis = base.toMillis();
        this.maxMillis = max.toMillis();
        if (baseMillis <= 0 || maxMillis < baseMillis) {
            throw new IllegalArgumentException("need 0 < base <= max");
        }
    }

    public Duration next() {
        return next(maxMillis);
    }

    /**
     * As {@link #next()}, with a lower ceiling for this one wait (still jittered): for failures that cost
     * the peer nothing to repeat, such as a refused connection.
     */
    public Duration next(Duration ceiling) {
        return next(Math.max(1, Math.min(maxMillis, ceiling.toMillis())));
    }

    private Duration next(long ceilingMillis) {
        long cap = Math.min(ceilingMillis, baseMillis << Math.min(attempt, 20));
        attempt++;
        long half = cap / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(cap - half + 1));
    }

    public void reset() {
        attempt = 0;
    }

    public int attempts() {
        return attempt;
    }
}
