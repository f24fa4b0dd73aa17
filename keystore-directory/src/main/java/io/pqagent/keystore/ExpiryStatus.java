package io.pqagent.keystore;

import io.pqagent.qsmp.keys.KeyId;
import java.util.Objects;

/** One identity's standing at one check: seconds left (negative once expired) and the resulting level. */
public record ExpiryStatus(KeyId keyId, long expiration, long secondsLeft, Level level) {
    public enum Level {
        OK,
        /** Within the warning window. */
        EXPIRING,
        /** Past the expiration: peers refuse the key (QSMP-WIRE §3.2 step 1). */
        EXPIRED
    }

    public ExpiryStatus {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(level, "level");
    }
}
