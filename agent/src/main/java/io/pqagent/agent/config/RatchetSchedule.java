package io.pqagent.agent.config;

import java.time.Duration;
import java.util.Objects;

/**
 * When the connecting side of a tunnel ratchets (profile rule 6): symmetric after {@code symmetricAfter}
 * or {@code symmetricAfterBytes} bytes sent, whichever comes first; asymmetric every {@code asymmetricEvery}.
 */
// The minimums are low on purpose: soak tests ratchet every second; operators keep the defaults.
public record RatchetSchedule(Duration symmetricAfter, long symmetricAfterBytes, Duration asymmetricEvery) {
    public static final Duration MIN_SYMMETRIC_AFTER = Duration.ofSeconds(1);
    public static final Duration MAX_SYMMETRIC_AFTER = Duration.ofDays(7);
    public static final long MIN_SYMMETRIC_AFTER_BYTES = 1L << 10;
    public static final long MAX_SYMMETRIC_AFTER_BYTES = 1L << 40;
    public static final Duration MIN_ASYMMETRIC_EVERY = Duration.ofSeconds(1);
    public static final Duration MAX_ASYMMETRIC_EVERY = Duration.ofDays(365);

    /** 15 minutes, 1 GiB, 24 hours. */
    public static final RatchetSchedule DEFAULT =
            new RatchetSchedule(Duration.ofMinutes(15), 1L << 30, Duration.ofHours(24));

    public RatchetSchedule {
        Objects.requireNonNull(symmetricAfter, "symmetricAfter");
        Objects.requireNonNull(asymmetricEvery, "asymmetricEvery");
        Ranges.check("symmetricAfter", symmetricAfter, MIN_SYMMETRIC_AFTER, MAX_SYMMETRIC_AFTER);
        Ranges.checkBytes("symmetricAfterBytes", symmetricAfterBytes, MIN_SYMMETRIC_AFTER_BYTES, MAX_SYMMETRIC_AFTER_BYTES);
        Ranges.check("asymmetricEvery", asymmetricEvery, MIN_ASYMMETRIC_EVERY, MAX_ASYMMETRIC_EVERY);
    }
}
