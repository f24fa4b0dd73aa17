package io.pqagent.directory.cli;

import io.pqagent.directory.client.DirectoryClient;
import io.pqagent.directory.client.DirectoryKeyQuery;
import io.pqagent.directory.client.RecordCache;
import io.pqagent.directory.client.ReplicaEndpoint;
import io.pqagent.directory.record.AuthorityKey;
import io.pqagent.directory.record.DirectoryException;
import io.pqagent.directory.record.DirectoryRecord;
import io.pqagent.directory.record.RecordAuthority;
import io.pqagent.directory.record.SignedRecord;
import io.pqagent.directory.replica.DirectoryReplica;
import io.pqagent.directory.replica.SubmissionCheck;
import io.pqagent.directory.store.RecordStore;
import io.pqagent.directory.store.RecordStores;
import io.pqagent.qsmp.crypto.EntropySource;
import io.pqagent.qsmp.crypto.ParameterSet;
import io.pqagent.qsmp.crypto.SigningKeyPair;
import io.pqagent.qsmp.handshake.HandshakeContext;
import io.pqagent.qsmp.keys.KeyGeneration;
import io.pqagent.qsmp.keys.KeyId;
import io.pqagent.qsmp.keys.PublicKeyRecord;
import io.pqagent.qsmp.keys.SigningKeyRecord;
import io.pqagent.qsmp.transport.QsmpNetwork;
import io.pqagent.qsmp.transport.TransportSettings;
import io.pqagent.qsmp.wire.Clock;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Figures for the closing note: registrations per second through one replica, lookups per second
 * against it (each answer verified by the client, as an agent does), and cached KeyQuery lookups.
 * Everything runs in this process on loopback: replica, store, clients.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure registration and lookup rates against one in-process replica on loopback.")
final class BenchCommand extends DirectoryCommand {
    @Option(names = "--store", paramLabel = "URI",
            description = "Store to measure (default: a fresh SQLite file in a temporary directory).")
    String store;

    @Option(names = "--clients", defaultValue = "4", description = "Concurrent clients (default ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--records", defaultValue = "1000", description = "Registrations (default ${DEFAULT-VALUE}).")
    int records;

    @Option(names = "--seconds", defaultValue = "10", description = "Length of each lookup run (default ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--config", defaultValue = "dilithium-s5_kyber-s5_sha3_rcs",
            description = "Parameter set of the agents' keys and the replica tunnel (default ${DEFAULT-VALUE}).")
    String config;

    @Override
    int run() throws CliFailure, DirectoryException {
        ParameterSet set;
        try {
            set = ParameterSet.select(config, false);
        } catch (IllegalArgumentException e) {
            throw new CliFailure(2, e.getMessage());
        }
        EntropySource entropy = EntropySource.system();
        SigningKeyPair pair = RecordAuthority.generate(entropy);
        Path tmp;
        try {
            tmp = Files.createTempDirectory("qsmp-directory-bench");
        } catch (IOException e) {
            throw new CliFailure(1, e.getMessage());
        }
        String location = store != null ? store : "sqlite:" + tmp.resolve("records.db");
        HandshakeContext ctx = HandshakeContext.defaults(set);
        try (RecordAuthority authority = new RecordAuthority(new AuthorityKey(pair.verificationKey()), pair.signingKey());
                SigningKeyRecord replicaKey = KeyGeneration.generate(set, KeyId.random(entropy),
                        KeyGeneration.defaultExpiration(Clock.system(0)), entropy);
                RecordStore records = RecordStores.open(location); QsmpNetwork network = QsmpNetwork.create();
                DirectoryReplica replica = DirectoryReplica.start(network, ctx, replicaKey,
                        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), TransportSettings.DEFAULTS, records,
                        new SubmissionCheck(authority.publicKey(), Set.of(set.config()), Clock.system(0)), 2)) {
            out().printf("machine: %d cores, %s %s; store %s; %d clients; %s%n",
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                    System.getProperty("java.version"), records, clients, set.config().text());
            List<SignedRecord> signed = sign(authority, set, entropy);
            List<DirectoryClient> pool = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                pool.add(new DirectoryClient(network, ctx, List.of(new ReplicaEndpoint(replica.localAddress(),
                        replicaKey.publicRecord())), authority.publicKey(), TransportSettings.DEFAULTS,
                        Duration.ofSeconds(30)));
            }
            register(pool, signed);
            lookups(pool, signed);
            cached(authority.publicKey(), signed, tmp);
            for (DirectoryClient c : pool) {
                c.close();
            }
            return 0;
        } finally {
            pair.signingKey().close();
        }
    }

    private List<SignedRecord> sign(RecordAuthority authority, ParameterSet set, EntropySource entropy) {
        PublicKeyRecord template;
        try (SigningKeyRecord k = KeyGeneration.generate(set, KeyId.random(entropy),
                KeyGeneration.defaultExpiration(Clock.system(0)), entropy)) {
            template = k.publicRecord();
        }
        List<SignedRecord> out = new ArrayList<>(records);
        long start = System.nanoTime();
        for (int i = 0; i < records; i++) {
            PublicKeyRecord key = new PublicKeyRecord(template.expiration(), template.config(), KeyId.random(entropy),
                    template.verificationKey());
            out.add(authority.sign(DirectoryRecord.active(key, i + 1, 1, "agent-" + (i % 100), "site", List.of()),
                    entropy));
        }
        report("authority signing (ML-DSA-87, one thread)", records, System.nanoTime() - start);
        return out;
    }

    private void register(List<DirectoryClient> pool, List<SignedRecord> signed) throws DirectoryException {
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        parallel(pool, client -> {
            for (int i = next.getAndIncrement(); i < signed.size(); i = next.getAndIncrement()) {
                client.submit(signed.get(i));
            }
        });
        report("registrations (verify + durable store)", signed.size(), System.nanoTime() - start);
    }

    private void lookups(List<DirectoryClient> pool, List<SignedRecord> signed) throws DirectoryException {
        AtomicLong done = new AtomicLong();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        long start = System.nanoTime();
        parallel(pool, client -> {
            int i = (int) (Thread.currentThread().getId() % signed.size());
            while (System.nanoTime() < deadline) {
                client.lookup(signed.get(i).record().keyId());
                done.incrementAndGet();
                i = (i + 7919) % signed.size();
            }
        });
        report("uncached lookups by key id (replica round trip + client verification)", done.get(),
                System.nanoTime() - start);
    }

    private void cached(AuthorityKey authority, List<SignedRecord> signed, Path tmp) throws CliFailure {
        try {
            RecordCache cache = RecordCache.open(tmp.resolve("cache"), authority, Clock.system(0));
            for (SignedRecord r : signed.subList(0, Math.min(200, signed.size()))) {
                cache.offer(r);
            }
            DirectoryKeyQuery query = DirectoryKeyQuery.forPeers(cache, Set.of("agent-1", "agent-2", "agent-3"));
            long n = 0;
            long sink = 0;
            long deadline = System.nanoTime() + seconds * 1_000_000_000L;
            long start = System.nanoTime();
            while (System.nanoTime() < deadline) {
                sink += query.candidates(new byte[KeyId.SIZE], null).size();
                n++;
            }
            report("cached KeyQuery lookups (3 peers, 200 cached records; sink " + (sink % 10) + ")", n,
                    System.nanoTime() - start);
        } catch (IOException e) {
            throw new CliFailure(1, e.getMessage());
        }
    }

    private interface ClientWork {
        void run(DirectoryClient client) throws DirectoryException;
    }

    private static void parallel(List<DirectoryClient> pool, ClientWork work) throws DirectoryException {
        List<Thread> threads = new ArrayList<>();
        List<DirectoryException> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (DirectoryClient c : pool) {
            Thread t = new Thread(() -> {
                try {
                    work.run(c);
                } catch (DirectoryException e) {
                    failures.add(e);
                }
            });
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
    }

    private void report(String what, long count, long nanos) {
        out().printf("%-75s %8d in %6.2f s = %9.0f /s%n", what, count, nanos / 1e9, count / (nanos / 1e9));
        out().flush();
    }
}
