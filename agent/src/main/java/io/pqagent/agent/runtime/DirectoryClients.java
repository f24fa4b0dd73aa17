package io.pqagent.agent.runtime;

import io.pqagent.agent.config.AgentConfig;
import io.pqagent.agent.config.ReplicaConfig;
import io.pqagent.directory.client.DirectoryClient;
import io.pqagent.directory.client.ReplicaEndpoint;
import io.pqagent.directory.record.AuthorityKey;
import io.pqagent.qsmp.handshake.HandshakeContext;
import io.pqagent.qsmp.keys.KeyFiles;
import io.pqagent.qsmp.keys.PublicKeyRecord;
import io.pqagent.qsmp.transport.QsmpNetwork;
import io.pqagent.qsmp.transport.TransportSettings;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A client of the directory replicas a configuration names, each pinned to its key: the running agent
 * follows them, and {@code qsmp-agent keys rotate --published} asks them whether the new key is registered.
 */
public final class DirectoryClients {
    private DirectoryClients() {
    }

    /** Reads the replicas' pinned keys; refuses a configuration without {@code directory.replicas}. */
    public static DirectoryClient open(QsmpNetwork network, AgentConfig config, AuthorityKey authority)
            throws Exception {
        if (config.directory().replicas().isEmpty()) {
            throw new IllegalArgumentException("no directory replicas are configured (directory.replicas)");
        }
        List<ReplicaEndpoint> endpoints = new ArrayList<>();
        for (ReplicaConfig r : config.directory().replicas()) {
            PublicKeyRecord key = KeyFiles.readQpkey(r.key());
            endpoints.add(new ReplicaEndpoint(new InetSocketAddress(r.address().host(), r.address().port()), key));
        }
        HandshakeContext replicaCtx = HandshakeContext.defaults(endpoints.get(0).serverKey().parameterSet());
        return new DirectoryClient(network, replicaCtx, endpoints, authority, TransportSettings.DEFAULTS,
                Duration.ofSeconds(10));
    }
}
