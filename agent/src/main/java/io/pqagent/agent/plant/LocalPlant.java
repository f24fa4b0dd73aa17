package io.pqagent.agent.plant;

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
import io.pqagent.qsmp.keys.PublicKeyRecord;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A plant in a scratch directory: a record authority in this JVM, a directory replica (in this JVM, or as a
 * {@code qsmp-directory serve} process), and agents as {@code qsmp-agent run} processes started with this
 * JVM's class path. Each agent lives in
 * {@code DIR/NAME/} (identity, key file, {@code agent.yaml}, control socket, audit log) and logs to
 * {@code DIR/NAME.log}.
 */
public final class LocalPlant implements AutoCloseable {
    /** The class the agent processes run: {@code qsmp-agent}'s main. */
    public static final String AGENT_MAIN = "io.pqagent.agent.cli.AgentMain";

    private final Path dir;
    private final ParameterSet set;
    private final EntropySource entropy = EntropySource.system();
    private final QsmpNetwork network = QsmpNetwork.create();
    private final RecordAuthority authority;
    private final SigningKeyRecord replicaKey;
    private final AutoCloseable directory;
    private final InetSocketAddress directoryAddress;
    private final DirectoryClient operator;
    private final Map<String, DirectoryRecord> records = new ConcurrentHashMap<>();
    private final Map<String, Process> agents = new LinkedHashMap<>();
    private long serial = 1;

    /**
     * Starts the directory replica in this JVM on a loopback port. {@code replicaValidSeconds} is how long its
     * Simplex key lives; {@code replicaThreads} how many handshakes it serves at once.
     */
    public LocalPlant(Path dir, ParameterSet set, long replicaValidSeconds, int replicaThreads) throws Exception {
        this(dir, set, replicaValidSeconds, replicaThreads, null, List.of());
    }

    /**
     * A plant whose directory replica is a {@code qsmp-directory serve} process of its own, listening on
     * {@code bind} (the agents reach it there), run with {@code jvmOptions}; its log is {@code DIR/directory.log}.
     */
    public static LocalPlant withDirectoryProcess(Path dir, ParameterSet set, long replicaValidSeconds, int workers,
            String bind, List<String> jvmOptions) throws Exception {
        return new LocalPlant(dir, set, replicaValidSeconds, workers, bind, jvmOptions);
    }

    private LocalPlant(Path dir, ParameterSet set, long replicaValidSeconds, int replicaThreads, String processBind,
            List<String> jvmOptions) throws Exception {
        this.dir = dir;
        this.set = set;
        SigningKeyPair pair = RecordAuthority.generate(entropy);
        try (var sk = pair.signingKey()) {
            authority = new RecordAuthority(new AuthorityKey(pair.verificationKey()), sk);
        }
        AuthorityKeyFile.write(authorityKeyFile(), authority.publicKey());
        replicaKey = KeyGeneration.generate(set, KeyId.random(entropy), now() + replicaValidSeconds, entropy);
        KeyFiles.writeQpkey(replicaKeyFile(), replicaKey.publicRecord());
        if (processBind == null) {
            DirectoryReplica replica = DirectoryReplica.start(network, HandshakeContext.defaults(set), replicaKey,
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), TransportSettings.DEFAULTS,
                    SqliteRecordStore.open(dir.resolve("records.db")),
                    new SubmissionCheck(authority.publicKey(), Set.of(set.config()), Clock.system(0)), replicaThreads);
            directory = replica;
            directoryAddress = replica.localAddress();
        } else {
            Path secret = dir.resolve("replica.qskey");
            KeyFiles.writeQskey(secret, replicaKey);
            DirectoryProcess process = DirectoryProcess.start("sqlite:" + dir.resolve("records.db"), authorityKeyFile(),
                    secret, processBind, replicaThreads, jvmOptions, dir.resolve("directory.log"), Duration.ofSeconds(60));
            directory = process;
            directoryAddress = process.address();
        }
        operator = new DirectoryClient(network, HandshakeContext.defaults(set),
                List.of(new ReplicaEndpoint(directoryAddress, replicaKey.publicRecord())), authority.publicKey(),
                TransportSettings.DEFAULTS, Duration.ofSeconds(10));
    }

    public Path dir() {
        return dir;
    }

    public ParameterSet set() {
        return set;
    }

    /** Where the directory replica listens. */
    public InetSocketAddress directoryAddress() {
        return directoryAddress;
    }

    public SigningKeyRecord replicaKey() {
        return replicaKey;
    }

    public Path authorityKeyFile() {
        return dir.resolve("authority.pub");
    }

    public Path replicaKeyFile() {
        return dir.resolve("replica.qpkey");
    }

    /** The directory records this plant's authority signed, by owner name: the newest of each. */
    public Map<String, DirectoryRecord> records() {
        return records;
    }

    /** Makes {@code name}'s sealed identity (valid {@code days}) and registers it; returns its record. */
    public DirectoryRecord enrol(String name, int days, String site) throws Exception {
        Path home = Files.createDirectories(home(name));
        PublicKeyRecord key;
        try (Unlock unlock = Unlock.createKeyFile(home.resolve("identity.key"), entropy);
                IdentityStore store = new IdentityStore(home.resolve("identity"), IdentityPolicy.of(set),
                        Clock.system(0), entropy)) {
            key = store.create(unlock, days).publicRecord();
        }
        return register(name, key, site);
    }

    /** Registers another key of {@code name} (a rotation's next identity), signed by the authority. */
    public synchronized DirectoryRecord register(String name, PublicKeyRecord key, String site) throws Exception {
        DirectoryRecord record = DirectoryRecord.active(key, serial++, now(), name, site, List.of());
        operator.submit(authority.sign(record, entropy));
        records.put(name, record);
        return record;
    }

    /** Revokes the newest key of {@code name}: the replica pushes the revocation to the agents following it. */
    public void revoke(String name) throws Exception {
        DirectoryRecord record = records.get(name);
        if (record == null) {
            throw new IllegalArgumentException(name + " was never enrolled");
        }
        revoke(record);
    }

    public synchronized void revoke(DirectoryRecord record) throws Exception {
        operator.submit(authority.sign(record.revoked(serial++, now()), entropy));
    }

    public Path home(String name) {
        return dir.resolve(name);
    }

    public Path configFile(String name) {
        return home(name).resolve("agent.yaml");
    }

    public Path socket(String name) {
        return home(name).resolve("control.sock");
    }

    public Path log(String name) {
        return dir.resolve(name + ".log");
    }

    /**
     * Writes {@code NAME/agent.yaml}: name, identity, parameter set, listener on 127.0.0.1:{@code port}, this
     * plant's directory, control socket, then {@code rest} (log, peers, services, expose, ...), and
     * returns its path.
     */
    public Path configure(String name, int port, String rest) throws IOException {
        return configure(name, "127.0.0.1", port, rest);
    }

    /** {@link #configure(String, int, String)} with the listener on {@code listenAddress}. */
    public Path configure(String name, String listenAddress, int port, String rest) throws IOException {
        String yaml = "name: " + name + "\n"
                + "identity:\n  dir: identity\n  key-file: identity.key\n"
                + "parameter-set: " + set.config().text() + "\n"
                + "listen:\n  address: " + listenAddress + "\n  port: " + port + "\n"
                + "directory:\n  authority-key: " + authorityKeyFile() + "\n  cache: directory.cache\n"
                + "  replicas:\n    - address: " + directoryAddress.getHostString() + ":" + directoryAddress.getPort() + "\n"
                + "      key: " + replicaKeyFile() + "\n"
                + "control-socket: " + socket(name) + "\n"
                + rest;
        Path file = configFile(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, yaml);
        return file;
    }

    /**
     * Starts {@code qsmp-agent run} for {@code name} with this JVM's java and class path, the given JVM
     * options, its output appended to {@code DIR/NAME.log}. An agent already running under that name is
     * an error.
     */
    public Process start(String name, List<String> jvmOptions) throws IOException {
        return start(name, List.of(), jvmOptions);
    }

    /**
     * {@link #start(String, List)} after {@code prefix}: a command that runs the rest of the command line
     * somewhere else, e.g. {@code ip netns exec NAME} for a network namespace (it must exec the JVM, so
     * that killing the process kills the agent).
     */
    public synchronized Process start(String name, List<String> prefix, List<String> jvmOptions) throws IOException {
        Process running = agents.get(name);
        if (running != null && running.isAlive()) {
            throw new IllegalStateException("agent " + name + " is already running");
        }
        List<String> cmd = SameJvmCommand.of(prefix, jvmOptions, AGENT_MAIN,
                List.of("run", "--config", configFile(name).toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log(name).toFile())).start();
        agents.put(name, p);
        return p;
    }

    /** The agent's process, if it was started. */
    public synchronized Process process(String name) {
        return agents.get(name);
    }

    /** {@code kill -9}: the agent gets no chance to close anything. */
    public void kill(String name) throws InterruptedException {
        Process p = process(name);
        if (p != null) {
            p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** The agent's {@code status} answer over its control socket. */
    public JsonNode status(String agent) throws IOException {
        JsonNode answer = ControlSocket.call(socket(agent), ControlSocket.request("status"));
        if (!answer.path("ok").asBoolean()) {
            throw new IOException(agent + ": " + answer.path("error").asText());
        }
        return answer.path("result");
    }

    /** {@code agent}'s status entry for {@code peer}; an error if it has no such peer. */
    public JsonNode peerStatus(String agent, String peer) throws IOException {
        for (JsonNode p : status(agent).path("peers")) {
            if (p.path("peer").asText().equals(peer)) {
                return p;
            }
        }
        throw new IOException(agent + " has no peer " + peer);
    }

    /**
     * Waits until {@code agent} sees its tunnel to {@code peer} up (or, {@code up} false, not up). Fails at
     * once when {@code agent} was started by this plant and has exited.
     */
    public void awaitPeer(String agent, String peer, boolean up, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            Process own = process(agent);
            if (own != null && !own.isAlive()) {
                throw new IOException("agent " + agent + " exited with code " + own.exitValue() + "; see " + log(agent));
            }
            try {
                JsonNode p = peerStatus(agent, peer);
                if (p.path("state").asText().equals("up") == up) {
                    return;
                }
                last = p.toString();
            } catch (IOException notYet) {
                last = notYet.getMessage();
            }
            Thread.sleep(50);
        }
        throw new IOException(agent + ": tunnel to " + peer + (up ? " not up" : " still up") + " after "
                + timeout.toSeconds() + " s (" + last + "); see the logs in " + dir);
    }

    /** CPU time the agent processes used so far (user + system), in nanoseconds. */
    public synchronized long agentCpuNanos() {
        long total = 0;
        for (Process p : agents.values()) {
            total += p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
        }
        return total;
    }

    /**
     * A free loopback port below Linux's ephemeral range (32768+). A listener that goes down and comes back
     * must find its port free: a dialer's failed connects pick ephemeral ports, and one landing on the
     * listener's own port would self-connect and hold it.
     */
    public static int freePort() throws IOException {
        for (int port = 20_000 + new Random().nextInt(5_000); port < 32_000; port++) {
            try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return port;
            } catch (IOException busy) {
                // next
            }
        }
        throw new IOException("no free port in 20000..32000");
    }

    private static long now() {
        return Clock.system(0).utcSeconds();
    }

    /** Stops every agent (SIGTERM, then SIGKILL after 15 s), the directory replica and the authority. */
    @Override
    public void close() throws Exception {
        List<Process> all;
        synchronized (this) {
            all = new ArrayList<>(agents.values());
        }
        for (Process p : all) {
            p.destroy();
        }
        for (Process p : all) {
            if (!p.waitFor(15, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
        operator.close();
        directory.close();
        network.close();
        replicaKey.close();
        authority.close();
    }
}
