package io.pqagent.directory.replica;

import io.pqagent.directory.client.DirectoryClient;
import io.pqagent.directory.client.ReplicaEndpoint;
import io.pqagent.directory.record.AuthorityKey;
import io.pqagent.directory.record.DirectoryException;
import io.pqagent.directory.record.RecordFixtures;
import io.pqagent.directory.store.RecordStore;
import io.pqagent.qsmp.crypto.EntropySource;
import io.pqagent.qsmp.handshake.HandshakeContext;
import io.pqagent.qsmp.keys.KeyGeneration;
import io.pqagent.qsmp.keys.KeyId;
import io.pqagent.qsmp.keys.SigningKeyRecord;
import io.pqagent.qsmp.transport.QsmpNetwork;
import io.pqagent.qsmp.transport.TransportSettings;
import io.pqagent.qsmp.wire.Clock;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Replicas on loopback with real QSMP Simplex tunnels, and clients pinned to them, for tests. */
final class ReplicaHarness implements AutoCloseable {
    static final HandshakeContext CTX = HandshakeContext.defaults(RecordFixtures.PEER_SET);

    final QsmpNetwork network = QsmpNetwork.create();
    final SigningKeyRecord replicaKey = KeyGeneration.generate(RecordFixtures.PEER_SET,
            KeyId.random(EntropySource.system()), RecordFixtures.EXPIRATION, EntropySource.system());
    private final List<AutoCloseable> opened = new ArrayList<>();

    DirectoryReplica start(RecordStore store, AuthorityKey authority, Clock clock) throws DirectoryException {
        return start(store, authority, clock, 0);
    }

    DirectoryReplica start(RecordStore store, AuthorityKey authority, Clock clock, int port) throws DirectoryException {
        SubmissionCheck check = new SubmissionCheck(authority, Set.of(RecordFixtures.PEER_SET.config()), clock);
        DirectoryReplica replica = DirectoryReplica.start(network, CTX, replicaKey,
                new InetSocketAddress(InetAddress.getLoopbackAddress(), port), TransportSettings.DEFAULTS, store,
                check, 2);
        opened.add(replica);
        return replica;
    }

    DirectoryClient client(AuthorityKey authority, DirectoryReplica... replicas) {
        List<ReplicaEndpoint> endpoints = new ArrayList<>();
        for (DirectoryReplica r : replicas) {
            endpoints.add(endpoint(r.localAddress()));
        }
        DirectoryClient client = new DirectoryClient(network, CTX, endpoints, authority, TransportSettings.DEFAULTS,
                Duration.ofSeconds(10));
        opened.add(client);
        return client;
    }

    ReplicaEndpoint endpoint(InetSocketAddress address) {
        return new ReplicaEndpoint(address, replicaKey.publicRecord());
    }

    @Override
    public void close() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
        network.close();
        replicaKey.close();
    }
}
