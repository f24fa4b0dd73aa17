package io.pqagent.agent.link;

import java.time.Duration;
import java.util.Objects;

/**
 * When the dialing side re-keys a tunnel (profile rule 6: only the connecting side starts ratchets):
 * a symmetric ratchet after {@code symmetricAfter} or {@code symmetricAfterBytes} carried, whichever
 * comes first, and an asymmetric one every {@code asymmetricEvery}.
 */
public record RatchetSchedule(Duration symmetricAfter, long symmetricAfterBytes, Duration asymmetricEvery) {
    public static final RatchetSchedule DEFAULT = new RatchetSchedule(Duration.ofMinutes(15), 1L << 30,
            Duration.ofHours(24));

    public RatchetSchedule {
        Objects.requireNonNull(symmetricAfter, "symmetricAfter");
        Objects.requireNonNull(asymmetricEvery, "asymmetricEvery");
        if (symmetricAfter.isNegative() || symmetricAfter.isZero() || asymmetricEvery.isNegative()
                || asymmetricEvery.isZero() || symmetricAfterBytes <= 0) {
            throw new IllegalArgumentException("ratchet intervals and byte counts must be positive");
        }
    }
}
