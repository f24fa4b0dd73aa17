package io.pqagent.sim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;

/**
 * A site's tunnel counters as its agent reports them, kept across restarts: a restarted agent starts
 * counting from zero, so what the previous run of it counted is banked when it is started again.
 */
final class AgentCounters {
    /** Counts of one peer: tunnels opened (handshakes), handshake failures, ratchets, and the last state. */
    record Peer(long tunnels, long failures, long ratchets, boolean up, boolean dials) {
    }

    private final Map<String, Peer> current = new HashMap<>();
    private final Map<String, long[]> banked = new HashMap<>();
    private boolean alive;

    synchronized void update(JsonNode status) {
        alive = true;
        for (JsonNode p : status.path("peers")) {
            current.put(p.path("peer").asText(), new Peer(p.path("tunnels_opened").asLong(),
                    p.path("handshake_failures").asLong(), p.path("ratchets").asLong(),
                    p.path("state").asText().equals("up"), p.path("dials").asBoolean()));
        }
    }

    /** The agent is gone (killed, revoked or not answering): nothing of it is up. */
    synchronized void down() {
        alive = false;
    }

    /** The agent is being started again: what it counted so far is kept. */
    synchronized void restarted() {
        for (Map.Entry<String, Peer> e : current.entrySet()) {
            long[] b = banked.computeIfAbsent(e.getKey(), k -> new long[3]);
            b[0] += e.getValue().tunnels();
            b[1] += e.getValue().failures();
            b[2] += e.getValue().ratchets();
        }
        current.clear();
        alive = false;
    }

    synchronized boolean up(String peer) {
        Peer p = current.get(peer);
        return alive && p != null && p.up();
    }

    synchronized boolean dials(String peer) {
        Peer p = current.get(peer);
        return p != null && p.dials();
    }

    /** tunnels opened, handshake failures, ratchets towards {@code peer}, all runs of the agent together. */
    synchronized long[] totals(String peer) {
        long[] b = banked.getOrDefault(peer, new long[3]);
        Peer p = current.get(peer);
        return new long[] {b[0] + (p == null ? 0 : p.tunnels()), b[1] + (p == null ? 0 : p.failures()),
            b[2] + (p == null ? 0 : p.ratchets())};
    }
}
