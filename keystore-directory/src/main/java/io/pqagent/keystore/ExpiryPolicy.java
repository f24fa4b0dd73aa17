package io.pqagent.keystore;

import java.time.Duration;
import java.util.Objects;

/**
 * When the {@link ExpiryMonitor} speaks up: a WARN from {@code warningWindow} before expiry, repeated every
 * {@code warnEvery}; an ERROR once expired, repeated every {@code errorEvery}. Silent expiry is what
 * takes sites down (Nebula's certificates), so both repeat until someone rotates.
 */
public record ExpiryPolicy(Duration warningWindow, Duration warnEvery, Duration errorEvery) {
    public static final ExpiryPolicy DEFAULT = new ExpiryPolicy(Duration.ofDays(30), Duration.ofDays(1),
            Duration.ofHours(1));

    public ExpiryPolicy {
        Objects.requireNonNull(warningWindow, "warningWindow");
        Objects.requireNonNull(warnEvery, "warnEvery");
        Objects.requireNonNull(errorEvery, "errorEvery");
        if (warningWindow.isNegative() || warnEvery.isNegative() || errorEvery.isNegative()) {
            throw new IllegalArgumentException("expiry durations must not be negative");
        }
    }

    public static ExpiryPolicy warningWindow(Duration window) {
        return new ExpiryPolicy(window, DEFAULT.warnEvery, DEFAULT.errorEvery);
    }
}
