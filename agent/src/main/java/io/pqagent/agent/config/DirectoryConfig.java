package io.pqagent.agent.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The key directory (docs/directory.md): the pinned authority key every record must verify against,
 * the agent's verified record cache, and the replicas tried in order.
 */
public record DirectoryConfig(Path authorityKey, Path cache, List<ReplicaConfig> replicas) {
    public DirectoryConfig {
        Objects.requireNonNull(authorityKey, "authorityKey");
        Objects.requireNonNull(cache, "cache");
        replicas = List.copyOf(replicas);
        if (replicas.isEmpty()) {
            throw new IllegalArgumentException("at least one replica");
        }
    }
}
