package io.pqagent.adapters.dnp3.policy;

import java.util.Map;

/** A service's policy and the per-peer policies its {@code peers:} section derives from it. */
public record Dnp3Policies(Dnp3Policy service, Map<String, Dnp3Policy> peers) {
    public Dnp3Policies {
        peers = Map.copyOf(peers);
    }

    /** The policy for requests from {@code peer}: its override if it has one, else the service's. */
    public Dnp3Policy forPeer(String peer) {
        return peers.getOrDefault(peer, service);
    }
}
