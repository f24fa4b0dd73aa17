package io.pqagent.agent.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.pqagent.agent.cli.AgentMain;
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
import io.pqagent.qsmp.keys.PublicKeyRecord;
import io.pqagent.qsmp.keys.SigningKeyRecord;
import io.pqagent.qsmp.transport.QsmpNetwork;
import io.pqagent.qsmp.transport.TransportSettings;
import io.pqagent.qsmp.wire.Clock;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A directory replica in this JVM and agents as real {@code qsmp-agent run} processes, each with a
 * sealed identity registered in the directory: the fixture of the agent process tests.
 */
public final class AgentFleet implements AutoCloseable {
    public static final ParameterSet SET = ParameterSet.DILITHIUM_S1_KYBER_S1;

    public final Path dir;
    public final EntropySource entropy = EntropySource.system();
    public final RecordAuthority authority;
    public final QsmpNetwork network = QsmpNetwork.create();
    public final SigningKeyRecord replicaKey;
    public final DirectoryReplica replica;
    public final DirectoryClient operator;
    public final Map<String, DirectoryRecord> records = new HashMap<>();
    private final Map<String, Process> processes = new HashMap<>();
    private final Path authorityPub;
    private final Path replicaPub;
    private long serial = 1;

    public AgentFleet(Path dir) throws Exception {
        this.dir = dir;
        SigningKeyPair pair = RecordAuthority.generate(entropy);
        try (var sk = pair.signingKey()) {
            authority = new RecordAuthority(new AuthorityKey(pair.verificationKey()), sk);
        }
        replicaKey = KeyGeneration.generate(SET, KeyId.random(entropy), 2_000_000_000L, entropy);
        authorityPub = dir.resolve("authority.pub");
        AuthorityKeyFile.write(authorityPub, authority.publicKey());
        replicaPub = dir.resolve("replica.qpkey");
        KeyFiles.writeQpkey(replicaPub, replicaKey.publicRecord());
        replica = DirectoryReplica.start(network, HandshakeContext.defaults(SET), replicaKey,
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), TransportSettings.DEFAULTS,
                SqliteRecordStore.open(dir.resolve("records.db")),
                new SubmissionCheck(authority.publicKey(), Set.of(SET.config()), Clock.system(0)), 2);
        operator = new DirectoryClient(network, HandshakeContext.defaults(SET),
                List.of(new ReplicaEndpoint(replica.localAddress(), replicaKey.publicRecord())), authority.publicKey(),
                TransportSettings.DEFAULTS, Duration.ofSeconds(10));
    }

    /** A sealed identity for {@code name} in its home directory, registered with the directory. */
    public void enrol(String name) throws Exception {
        Path home = dir.resolve(name);
        Files.createDirectories(home);
        PublicKeyRecord key;
        try (Unlock unlock = Unlock.createKeyFile(home.resolve("identity.key"), entropy);
                IdentityStore store = new IdentityStore(home.resolve("identity"), IdentityPolicy.of(SET),
                        Clock.system(0), entropy)) {
            key = store.create(unlock, 30).publicRecord();
        }
        DirectoryRecord record = DirectoryRecord.active(key, serial++, 1, name, "", List.of());
        operator.submit(authority.sign(record, entropy));
        records.put(name, record);
    }

    public void revoke(String name) throws Exception {
        revoke(records.get(name));
    }

    public void revoke(DirectoryRecord record) throws Exception {
        operator.submit(authority.sign(record.revoked(serial++, 2), entropy));
    }

    /**
     * Registers another key for {@code name} (a rotation's next identity), as the operator's authority does;
     * it becomes {@code records.get(name)}. Returns the record.
     */
    public DirectoryRecord register(String name, PublicKeyRecord key) throws Exception {
        DirectoryRecord record = DirectoryRecord.active(key, serial++, 1, name, "", List.of());
        operator.submit(authority.sign(record, entropy));
        records.put(name, record);
        return record;
    }

    /** Writes {@code NAME/agent.yaml}: the common settings plus {@code rest} (peers, services, expose). */
    public Path config(String name, int port, String rest) throws Exception {
        Path home = dir.resolve(name);
        String yaml = "name: " + name + "\n"
                + "identity:\n  dir: identity\n  key-file: identity.key\n"
                + "parameter-set: " + SET.config().text() + "\n"
                + "listen:\n  address: 127.0.0.1\n  port: " + port + "\n"
                + "directory:\n  authority-key: " + authorityPub + "\n  cache: directory.cache\n"
                + "  replicas:\n    - address: 127.0.0.1:" + replica.localAddress().getPort() + "\n"
                + "      key: " + replicaPub + "\n"
                + "control-socket: " + socket(name) + "\n"
                + "log:\n  level: info\n  audit-log: audit.jsonl\n"
                + rest;
        Path file = home.resolve("agent.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    public Path socket(String name) {
        return dir.resolve(name).resolve("control.sock");
    }

    public void start(String name, String logName) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), AgentMain.class.getName(), "run",
                "--config", dir.resolve(name).resolve("agent.yaml").toString()));
        processes.put(name, new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve(logName + ".log").toFile()).start());
    }

    public void kill(String name) throws InterruptedException {
        processes.get(name).destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    public JsonNode peerStatus(String agent, String peer) throws Exception {
        for (JsonNode p : ControlSocket.call(socket(agent), ControlSocket.request("status")).path("result").path("peers")) {
            if (p.path("peer").asText().equals(peer)) {
                return p;
            }
        }
        throw new AssertionError(agent + " has no peer " + peer);
    }

    /** Waits (up to 60 s) until {@code agent} sees its tunnel to {@code peer} up, or not up. */
    public void awaitPeer(String agent, String peer, boolean up) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String last = "";
        while (System.nanoTime() < deadline) {
            try {
                JsonNode p = peerStatus(agent, peer);
                if (p.path("state").asText().equals("up") == up) {
                    return;
                }
                last = p.toString();
            } catch (java.io.IOException notYet) {
                last = notYet.getMessage();
            }
            Thread.sleep(50);
        }
        throw new AssertionError(agent + ": peer " + peer + (up ? " not up" : " still up") + " after 60 s; " + last);
    }

    public static int freePort() throws Exception {
        return io.pqagent.agent.testing.Loopback.freePortBelowEphemeralRange();
    }

    @Override
    public void close() throws Exception {
        for (Process p : processes.values()) {
            p.destroy();
        }
        for (Process p : processes.values()) {
            if (!p.waitFor(15, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
        operator.close();
        replica.close();
        network.close();
        replicaKey.close();
        authority.close();
    }
}
