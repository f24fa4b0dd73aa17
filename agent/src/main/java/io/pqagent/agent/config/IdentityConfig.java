package io.pqagent.agent.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * The agent's own identity: the keystore directory holding {@code current.qid}, how to unlock it, and how
 * long a rotation keeps both identities in use once the new one is published (after it, the running agent
 * retires the old one by itself).
 */
public record IdentityConfig(Path dir, UnlockSource unlock, Duration rotationOverlap) {
    /** As the keystore's default: long enough for every peer's directory cache to refresh. */
    public static final Duration DEFAULT_OVERLAP = Duration.ofDays(7);
    /** Short overlaps are for tests; an operator keeps days. */
    public static final Duration MIN_OVERLAP = Duration.ofSeconds(1);
    public static final Duration MAX_OVERLAP = Duration.ofDays(365);

    public IdentityConfig {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(unlock, "unlock");
        Objects.requireNonNull(rotationOverlap, "rotationOverlap");
        Ranges.check("rotation-overlap", rotationOverlap, MIN_OVERLAP, MAX_OVERLAP);
    }

    public IdentityConfig(Path dir, UnlockSource unlock) {
        this(dir, unlock, DEFAULT_OVERLAP);
    }
}
