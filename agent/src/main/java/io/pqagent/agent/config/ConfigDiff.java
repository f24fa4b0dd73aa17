package io.pqagent.agent.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a reload (SIGHUP, {@code qsmp-agent reload}) has to do: the peers, services and exposed targets
 * added, removed or changed, matched by name. Everything else in the file is read only at start;
 * {@link #restartRequired()} names those settings when they differ, so reload can say they were not applied.
 * Peer defaults are already folded into each peer, so changing them shows up as changed peers.
 */
public record ConfigDiff(Changes<PeerConfig> peers, Changes<ServiceConfig> services, Changes<ExposeConfig> expose,
        List<String> restartRequired) {

    public ConfigDiff {
        Objects.requireNonNull(peers, "peers");
        Objects.requireNonNull(services, "services");
        Objects.requireNonNull(expose, "expose");
        restartRequired = List.copyOf(restartRequired);
    }

    public static ConfigDiff between(AgentConfig before, AgentConfig after) {
        List<String> restart = new ArrayList<>();
        differs(restart, "name", before.name(), after.name());
        differs(restart, "identity", before.identity(), after.identity());
        differs(restart, "clock-offset-seconds", before.clockOffsetSeconds(), after.clockOffsetSeconds());
        differs(restart, "mac-mode", before.macMode(), after.macMode());
        differs(restart, "rcs-rounds", before.rcsRounds(), after.rcsRounds());
        differs(restart, "parameter-set", before.parameterSet(), after.parameterSet());
        differs(restart, "listen", before.listen(), after.listen());
        differs(restart, "directory", before.directory(), after.directory());
        differs(restart, "metrics", before.metrics(), after.metrics());
        differs(restart, "log", before.log(), after.log());
        differs(restart, "control-socket", before.controlSocket(), after.controlSocket());
        differs(restart, "pqs", before.pqs(), after.pqs());
        return new ConfigDiff(
                Changes.between(before.peers(), after.peers(), PeerConfig::name),
                Changes.between(before.services(), after.services(), ServiceConfig::name),
                Changes.between(before.expose(), after.expose(), ExposeConfig::name),
                restart);
    }

    /** True if a reload has nothing to do and nothing to warn about. */
    public boolean isEmpty() {
        return peers.isEmpty() && services.isEmpty() && expose.isEmpty() && restartRequired.isEmpty();
    }

    private static void differs(List<String> out, String key, Object a, Object b) {
        if (!Objects.equals(a, b)) {
            out.add(key);
        }
    }
}
