package io.pqagent.agent.config;

import java.nio.file.Path;
import java.util.Objects;

/** One directory replica: where it listens (QSMP Simplex) and the {@code .qpkey} the agent pins for it. */
public record ReplicaConfig(HostPort address, Path key) {
    public ReplicaConfig {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(key, "key");
    }
}
