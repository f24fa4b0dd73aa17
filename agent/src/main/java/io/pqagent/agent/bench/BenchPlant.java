package io.pqagent.agent.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.pqagent.agent.observe.ControlSocket;
import io.pqagent.directory.client.DirectoryClient;
import io.pqagent.directory.client.ReplicaEndpoint;
import io.pqagent.directory.record.AuthorityKey;
import io.pqagent.directory.record.AuthorityKeyFile;
import io.pqagent.directory.record.DirectoryRecord;
import io.pqagent.directory.record.RecordAuthority;
import io.pqagent.directory.replica.DirectoryReplica;
import io.pqagent.directory.replica.SubmissionCheck;
import io.pqagent.directory.store.SqliteRecordStore;
import io.pqagent.keystore.IdentityPolicy;
import io.pqagent.keystore.IdentityStore;
import io.pqagent.keystore.Unlock;
import io.pqagent.qsmp.crypto.EntropySource;
import io.pqagent.qsmp.crypto.ParameterSet;
import io.pqagent.qsmp.crypto.SigningKeyPair;
import io.pqagent.qsmp.handshake.HandshakeContext;
import io.pqagent.qsmp.keys.KeyFiles;
import io.pqagent.qsmp.keys.KeyGeneration;
import io.pqagent.qsmp.keys.KeyId;
import io.pqagent.qsmp.keys.SigningKeyRecord;
import io.pqagent.qsmp.transport.QsmpNetwork;
import io.pqagent.qsmp.transport.TransportSettings;
import io.pqagent.qsmp.wire.Clock;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The bench's plant in a scratch directory: a record authority and a directory replica in this JVM,
 * and two agents ({@code bench-a} dials {@code bench-b}) as {@code qsmp-agent run} processes, each with
 * a sealed identity registered in the directory, and two services from a to targets behind b.
 */
final class BenchPlant implements AutoCloseable {
    static final String DIALER = "bench-a";
    static final String LISTENER = "bench-b";

    private final Path dir;
    private final ParameterSet set;
    private final EntropySource entropy = EntropySource.system();
    private final QsmpNetwork network = QsmpNetwork.create();
    private final RecordAuthority authority;
    private final SigningKeyRecord replicaKey;
    private final DirectoryReplica replica;
    private final List<Process> agents = new ArrayList<>();
    private long serial = 1;

    BenchPlant(Path dir, ParameterSet set) throws Exception {
        this.dir = dir;
        this.set = set;
        SigningKeyPair pair = RecordAuthority.generate(entropy);
        try (var sk = pair.signingKey()) {
            authority = new RecordAuthority(new AuthorityKey(pair.verificationKey()), sk);
        }
        AuthorityKeyFile.write(dir.resolve("authority.pub"), authority.publicKey());
        replicaKey = KeyGeneration.generate(set, KeyId.random(entropy), Clock.system(0).utcSeconds() + 86_400, entropy);
        KeyFiles.writeQpkey(dir.resolve("replica.qpkey"), replicaKey.publicRecord());
        replica = DirectoryReplica.start(network, HandshakeContext.defaults(set), replicaKey,
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), TransportSettings.DEFAULTS,
                SqliteRecordStore.open(dir.resolve("records.db")),
                new SubmissionCheck(authority.publicKey(), Set.of(set.config()), Clock.system(0)), 1);
    }

    /** Makes {@code name}'s sealed identity and registers its public key with the directory. */
    void enrol(String name) throws Exception {
        Path home = Files.createDirectories(dir.resolve(name));
        DirectoryRecord record;
        try (Unlock unlock = Unlock.createKeyFile(home.resolve("identity.key"), entropy);
                IdentityStore store = new IdentityStore(home.resolve("identity"), IdentityPolicy.of(set),
                        Clock.system(0), entropy)) {
            record = DirectoryRecord.active(store.create(unlock, 1).publicRecord(), serial++,
                    Clock.system(0).utcSeconds(), name, "bench", List.of());
        }
        try (DirectoryClient operator = new DirectoryClient(network, HandshakeContext.defaults(set),
                List.of(new ReplicaEndpoint(replica.localAddress(), replicaKey.publicRecord())), authority.publicKey(),
                TransportSettings.DEFAULTS, Duration.ofSeconds(10))) {
            operator.submit(authority.sign(record, entropy));
        }
    }

    /** Writes {@code NAME/agent.yaml} with the common settings followed by {@code rest}. */
    void configure(String name, int listenPort, String rest) throws IOException {
        String yaml = "name: " + name + "\n"
                + "identity:\n  dir: identity\n  key-file: identity.key\n"
                + "parameter-set: " + set.config().text() + "\n"
                + "listen:\n  address: 127.0.0.1\n  port: " + listenPort + "\n"
                + "directory:\n  authority-key: " + dir.resolve("authority.pub") + "\n  cache: directory.cache\n"
                + "  replicas:\n    - address: 127.0.0.1:" + replica.localAddress().getPort() + "\n"
                + "      key: " + dir.resolve("replica.qpkey") + "\n"
                + "control-socket: " + socket(name) + "\n"
                + "log:\n  level: warn\n"
                + rest;
        Files.writeString(dir.resolve(name).resolve("agent.yaml"), yaml);
    }

    /** Starts {@code qsmp-agent run} for {@code name} with this JVM's class path and the given JVM options. */
    void start(String name, String mainClass, List<String> jvmOptions) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass, "run",
                "--config", dir.resolve(name).resolve("agent.yaml").toString()));
        agents.add(new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile()).start());
    }

    /** Waits until {@code agent} reports its tunnel to {@code peer} up. */
    void awaitUp(String agent, String peer, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            for (Process p : agents) {
                if (!p.isAlive()) {
                    throw new IOException("an agent exited with code " + p.exitValue() + "; see the logs in " + dir);
                }
            }
            try {
                for (JsonNode p : ControlSocket.call(socket(agent), ControlSocket.request("status"))
                        .path("result").path("peers")) {
                    if (p.path("peer").asText().equals(peer) && p.path("state").asText().equals("up")) {
                        return;
                    }
                    last = p.toString();
                }
            } catch (IOException notYet) {
                last = notYet.getMessage();
            }
            Thread.sleep(50);
        }
        throw new IOException(agent + ": tunnel to " + peer + " not up after " + timeout.toSeconds() + " s (" + last
                + "); see the logs in " + dir);
    }

    /** CPU time the agent processes used so far (user + system), in nanoseconds. */
    long agentCpuNanos() {
        long total = 0;
        for (Process p : agents) {
            total += p.info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
        }
        return total;
    }

    Path socket(String name) {
        return dir.resolve(name).resolve("control.sock");
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws Exception {
        for (Process p : agents) {
            p.destroy();
        }
        for (Process p : agents) {
            if (!p.waitFor(15, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
        replica.close();
        network.close();
        replicaKey.close();
        authority.close();
    }
}
