package io.pqagent.agent.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.pqagent.agent.plant.LocalPlant;
import io.pqagent.directory.record.DirectoryRecord;
import io.pqagent.qsmp.crypto.EntropySource;
import io.pqagent.qsmp.crypto.ParameterSet;
import io.pqagent.qsmp.keys.PublicKeyRecord;
import io.pqagent.qsmp.keys.SigningKeyRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The agent process tests' view of a {@link LocalPlant}: a directory replica in this JVM and agents as real
 * {@code qsmp-agent run} processes, each with a sealed identity registered in the directory, with the
 * settings those tests share (info log and an audit log per agent, identities valid 30 days).
 */
public final class AgentFleet implements AutoCloseable {
    public static final ParameterSet SET = ParameterSet.DILITHIUM_S1_KYBER_S1;

    public final Path dir;
    public final EntropySource entropy = EntropySource.system();
    public final SigningKeyRecord replicaKey;
    /** The newest record of each enrolled name. */
    public final Map<String, DirectoryRecord> records;
    private final LocalPlant plant;

    public AgentFleet(Path dir) throws Exception {
        this.dir = dir;
        plant = new LocalPlant(dir, SET, 2_000_000_000L, 2);
        replicaKey = plant.replicaKey();
        records = plant.records();
    }

    /** A sealed identity for {@code name} in its home directory, registered with the directory. */
    public void enrol(String name) throws Exception {
        plant.enrol(name, 30, "");
    }

    public void revoke(String name) throws Exception {
        plant.revoke(name);
    }

    public void revoke(DirectoryRecord record) throws Exception {
        plant.revoke(record);
    }

    /**
     * Registers another key for {@code name} (a rotation's next identity), as the operator's authority does;
     * it becomes {@code records.get(name)}. Returns the record.
     */
    public DirectoryRecord register(String name, PublicKeyRecord key) throws Exception {
        return plant.register(name, key, "");
    }

    /** Writes {@code NAME/agent.yaml}: the common settings plus {@code rest} (peers, services, expose). */
    public Path config(String name, int port, String rest) throws Exception {
        return plant.configure(name, port, "log:\n  level: info\n  audit-log: audit.jsonl\n" + rest);
    }

    public Path socket(String name) {
        return plant.socket(name);
    }

    /** Starts {@code name}'s agent; every start of it appends to {@code DIR/NAME.log} ({@code logName} is unused). */
    public void start(String name, String logName) throws Exception {
        plant.start(name, List.of("-XX:+UseSerialGC"));
    }

    public void kill(String name) throws InterruptedException {
        plant.kill(name);
    }

    public JsonNode peerStatus(String agent, String peer) throws Exception {
        return plant.peerStatus(agent, peer);
    }

    /** What {@code qsmp-agent status} reports for {@code agent}. */
    public JsonNode status(String agent) throws Exception {
        return plant.status(agent);
    }

    /** Waits (up to 60 s) until {@code agent} sees its tunnel to {@code peer} up, or not up. */
    public void awaitPeer(String agent, String peer, boolean up) throws Exception {
        plant.awaitPeer(agent, peer, up, Duration.ofSeconds(60));
    }

    public static int freePort() throws Exception {
        return Loopback.freePortBelowEphemeralRange();
    }

    /** {@code agent}'s audit events of one kind, oldest first (none while its audit log does not exist). */
    public List<JsonNode> auditEvents(String agent, String event) throws java.io.IOException {
        Path file = dir.resolve(agent).resolve("audit.jsonl");
        List<JsonNode> out = new java.util.ArrayList<>();
        if (java.nio.file.Files.exists(file)) {
            com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
            for (String line : java.nio.file.Files.readAllLines(file)) {
                JsonNode n = json.readTree(line);
                if (n.path("event").asText().equals(event)) {
                    out.add(n);
                }
            }
        }
        return out;
    }

    /** Every agent log of this fleet, for a failure message. */
    public String logs() throws java.io.IOException {
        StringBuilder b = new StringBuilder();
        try (var files = java.nio.file.Files.list(dir)) {
            for (Path log : files.filter(p -> p.getFileName().toString().endsWith(".log")).sorted().toList()) {
                b.append("---- ").append(log.getFileName()).append('\n').append(java.nio.file.Files.readString(log));
            }
        }
        return b.toString();
    }

    @Override
    public void close() throws Exception {
        plant.close();
    }
}
