package io.pqagent.qsmp.wire;

/**
 * The protocol's clock, {@code utctime}: Unix seconds plus a configurable offset (profile rule 4), used
 * for packet times and key expirations alike. Injected so that tests can fix it.
 */
@FunctionalInterface
public interface Clock {

    /** Seconds for {@code utctime} fields and expiration checks, offset already applied. */
    long utcSeconds();

    /** The system clock shifted by {@code offsetSeconds} (e.g. 18000 for a C peer on America/New_York). */
    static Clock system(long offsetSeconds) {
        return () -> System.currentTimeMillis() / 1000L + offsetSeconds;
    }

    static Clock fixed(long utcSeconds) {
        return () -> utcSeconds;
    }
}
