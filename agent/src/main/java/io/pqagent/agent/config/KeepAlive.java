package io.pqagent.agent.config;

import java.time.Duration;
import java.util.Objects;

/**
 * A peer's keep-alive (profile rule 5), run by the side that listens for the peer: a request every
 * {@code interval}; the tunnel is declared dead when one stays unanswered for {@code timeout}.
 */
public record KeepAlive(Duration interval, Duration timeout) {
    public static final Duration MIN_INTERVAL = Duration.ofSeconds(1);
    public static final Duration MAX_INTERVAL = Duration.ofMinutes(10);
    public static final Duration MIN_TIMEOUT = Duration.ofSeconds(2);
    public static final Duration MAX_TIMEOUT = Duration.ofHours(1);

    /** 30 seconds, 90 seconds: three keep-alives may be lost before the tunnel is torn down. */
    public static final KeepAlive DEFAULT = new KeepAlive(Duration.ofSeconds(30), Duration.ofSeconds(90));

    public KeepAlive {
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(timeout, "timeout");
        Ranges.check("interval", interval, MIN_INTERVAL, MAX_INTERVAL);
        Ranges.check("timeout", timeout, MIN_TIMEOUT, MAX_TIMEOUT);
        if (timeout.compareTo(interval) <= 0) {
            throw new IllegalArgumentException("timeout " + DurationText.format(timeout)
                    + " must be longer than interval " + DurationText.format(interval));
        }
    }
}
