package io.pqagent.keystore;

import io.pqagent.qsmp.crypto.ParameterSet;
import java.time.Duration;
import java.util.Objects;

/**
 * How a store is set up: the one parameter set its identities use (anything else is WRONG_CONFIGURATION)
 * and how long old and new identity are both accepted after the new one is published.
 */
public record IdentityPolicy(ParameterSet parameterSet, Duration overlap) {
    /** Long enough for every peer's directory cache to refresh (clients refresh at least daily). */
    public static final Duration DEFAULT_OVERLAP = Duration.ofDays(7);

    public IdentityPolicy {
        Objects.requireNonNull(parameterSet, "parameterSet");
        Objects.requireNonNull(overlap, "overlap");
        if (overlap.isNegative()) {
            throw new IllegalArgumentException("overlap must not be negative, got " + overlap);
        }
    }

    public static IdentityPolicy of(ParameterSet set) {
        return new IdentityPolicy(set, DEFAULT_OVERLAP);
    }
}
