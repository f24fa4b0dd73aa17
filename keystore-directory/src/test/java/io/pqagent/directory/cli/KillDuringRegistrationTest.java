package io.pqagent.directory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.pqagent.directory.client.DirectoryClient;
import io.pqagent.directory.client.ReplicaEndpoint;
import io.pqagent.directory.record.AuthorityKeyFile;
import io.pqagent.directory.record.DirectoryException;
import io.pqagent.directory.record.RecordFixtures;
import io.pqagent.directory.record.SignedRecord;
import io.pqagent.directory.store.RecordStore.Submission;
import io.pqagent.qsmp.crypto.EntropySource;
import io.pqagent.qsmp.handshake.HandshakeContext;
import io.pqagent.qsmp.keys.KeyFiles;
import io.pqagent.qsmp.keys.KeyGeneration;
import io.pqagent.qsmp.keys.KeyId;
import io.pqagent.qsmp.keys.PublicKeyRecord;
import io.pqagent.qsmp.keys.SigningKeyRecord;
import io.pqagent.qsmp.transport.QsmpNetwork;
import io.pqagent.qsmp.transport.TransportSettings;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The durability proof: 50 clients register continuously against a directory process with the
 * embedded store; the process is killed with SIGKILL mid-stream; after a restart every registration
 * that was acknowledged is there and verifies, and nothing half-written exists (every stored record
 * verifies when listed).
 */
class KillDuringRegistrationTest {
    private static final int CLIENTS = 50;
    private static final int ACKED_BEFORE_KILL = 400;

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedRegistrationSurvivesKillNine() throws Exception {
        Path replicaKey = dir.resolve("server_secret_key.qskey");
        PublicKeyRecord replicaPub;
        try (SigningKeyRecord server = KeyGeneration.generate(RecordFixtures.PEER_SET, KeyId.random(EntropySource.system()),
                RecordFixtures.EXPIRATION, EntropySource.system())) {
            KeyFiles.writeQskey(replicaKey, server);
            replicaPub = server.publicRecord();
        }
        Path db = dir.resolve("records.db");
        Set<SignedRecord> acknowledged = ConcurrentHashMap.newKeySet();
        List<DirectoryException> unexpected = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (RecordFixtures fixtures = new RecordFixtures(); QsmpNetwork network = QsmpNetwork.create()) {
            Path pub = dir.resolve("authority.pub");
            AuthorityKeyFile.write(pub, fixtures.authorityKey());
            PublicKeyRecord template = fixtures.newKey();
            String[] serveArgs = {"--store", "sqlite:" + db, "--authority-key", pub.toString(), "--key",
                replicaKey.toString(), "--bind", "127.0.0.1", "--port", "0"};

            ServeProcess serve = ServeProcess.start(dir.resolve("serve-1.log"), serveArgs);
            CountDownLatch enough = new CountDownLatch(ACKED_BEFORE_KILL);
            AtomicLong serials = new AtomicLong(1);
            List<Thread> clients = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                String owner = "client-" + i;
                DirectoryClient client = client(network, serve.port, replicaPub, fixtures);
                Thread t = new Thread(() -> {
                    try (client) {
                        while (true) {
                            PublicKeyRecord key = new PublicKeyRecord(template.expiration(), template.config(),
                                    KeyId.random(EntropySource.system()), template.verificationKey());
                            SignedRecord r = fixtures.signActive(key, serials.incrementAndGet(), owner);
                            if (client.submit(r) == Submission.STORED) {
                                acknowledged.add(r);
                                enough.countDown();
                            }
                        }
                    } catch (DirectoryException e) {
                        // the directory dying under us is expected once it is killed; nothing else is
                        if (e.error() != io.pqagent.directory.record.DirectoryError.UNAVAILABLE) {
                            unexpected.add(e);
                        }
                    }
                }, owner);
                t.start();
                clients.add(t);
            }
            assertThat(enough.await(120, TimeUnit.SECONDS)).as("registrations acknowledged before the kill").isTrue();
            serve.kill();
            for (Thread t : clients) {
                t.join(30_000);
            }
            assertThat(unexpected).as("refusals other than the kill").isEmpty();
            int acked = acknowledged.size();

            try (ServeProcess restarted = ServeProcess.start(dir.resolve("serve-2.log"), serveArgs);
                    DirectoryClient reader = client(network, restarted.port, replicaPub, fixtures)) {
                // list() verifies every stored record: a half-written one would fail here
                List<SignedRecord> stored = reader.list();
                Map<KeyId, SignedRecord> byKid = new HashMap<>();
                for (SignedRecord r : stored) {
                    byKid.put(r.record().keyId(), r);
                }
                for (SignedRecord r : acknowledged) {
                    assertThat(byKid.get(r.record().keyId())).as("acknowledged " + r.record().keyId()).isEqualTo(r);
                }
                // at most one in-flight registration per client may be stored without an acknowledgement
                assertThat(stored.size()).isBetween(acked, acked + CLIENTS);
                restarted.close();
            }
        }
    }

    private static DirectoryClient client(QsmpNetwork network, int port, PublicKeyRecord replicaPub,
            RecordFixtures fixtures) {
        return new DirectoryClient(network, HandshakeContext.defaults(RecordFixtures.PEER_SET),
                List.of(new ReplicaEndpoint(new InetSocketAddress("127.0.0.1", port), replicaPub)),
                fixtures.authorityKey(), TransportSettings.DEFAULTS, Duration.ofSeconds(20));
    }
}
