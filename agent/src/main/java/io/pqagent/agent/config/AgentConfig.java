package io.pqagent.agent.config;

import io.pqagent.qsmp.crypto.BlockPath;
import io.pqagent.qsmp.crypto.MacMode;
import io.pqagent.qsmp.crypto.ParameterSet;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One agent's whole configuration, as read by {@link ConfigLoader} from one YAML file
 * (deploy/config/agent.example.yaml shows and explains every key). Paths are absolute: relative ones
 * were resolved against the directory of {@code source}.
 *
 * @param source the file this was read from (reload reads it again)
 * @param name this agent's owner name in the directory
 * @param clockOffsetSeconds protocol clock offset from UTC (profile rule 4), as the peers' clocks
 * @param macMode {@link MacMode#KMAC} (the QSMP default) or {@link MacMode#QMAC}
 * @param rcsRounds which Rijndael-256 rounds the tunnels' RCS runs: {@link BlockPath#AUTO} (the default), or
 *     {@link BlockPath#CONSTANT_TIME} on a host shared with untrusted code
 * @param parameterSet the QSMP configuration of our identity and tunnels
 * @param listen where the Duplex listener accepts peers
 * @param controlSocket the local socket of {@code qsmp-agent reload/status}
 */
public record AgentConfig(
        Path source,
        String name,
        IdentityConfig identity,
        long clockOffsetSeconds,
        MacMode macMode,
        BlockPath rcsRounds,
        ParameterSet parameterSet,
        HostPort listen,
        DirectoryConfig directory,
        List<PeerConfig> peers,
        List<ServiceConfig> services,
        List<ExposeConfig> expose,
        MetricsConfig metrics,
        LogConfig log,
        Path controlSocket,
        PqsConfig pqs) {

    public static final int DEFAULT_PORT = 31118;

    public AgentConfig {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(macMode, "macMode");
        Objects.requireNonNull(rcsRounds, "rcsRounds");
        Objects.requireNonNull(parameterSet, "parameterSet");
        Objects.requireNonNull(listen, "listen");
        Objects.requireNonNull(directory, "directory");
        peers = List.copyOf(peers);
        services = List.copyOf(services);
        expose = List.copyOf(expose);
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(controlSocket, "controlSocket");
        Objects.requireNonNull(pqs, "pqs");
    }

    public Optional<PeerConfig> peer(String peerName) {
        return peers.stream().filter(p -> p.name().equals(peerName)).findFirst();
    }

    /** The services listening on this agent that run over the tunnel to {@code peerName}. */
    public List<ServiceConfig> servicesOf(String peerName) {
        return services.stream().filter(s -> s.peer().equals(peerName)).toList();
    }

    /** The target {@code peerName} may ask us to connect to at {@code target}, if we expose it to that peer. */
    public Optional<ExposeConfig> exposed(String peerName, HostPort target) {
        return expose.stream().filter(e -> e.peer().equals(peerName) && e.target().equals(target)).findFirst();
    }
}
