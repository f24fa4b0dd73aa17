package io.pqagent.agent.config;

import java.nio.file.Path;
import java.util.Objects;

/** The agent's own identity: the keystore directory holding {@code current.qid}, and how to unlock it. */
public record IdentityConfig(Path dir, UnlockSource unlock) {
    public IdentityConfig {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(unlock, "unlock");
    }
}
