package io.pqagent.adapters.opcua;

import java.util.Map;

/** A service's policy for every peer: its own settings, and per peer those settings with the peer's section over them. */
record OpcUaPolicies(OpcUaPolicy base, Map<String, OpcUaPolicy> peers) {
    OpcUaPolicies {
        peers = Map.copyOf(peers);
    }

    OpcUaPolicy forPeer(String peer) {
        return peers.getOrDefault(peer, base);
    }
}
