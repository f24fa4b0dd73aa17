package io.pqagent.adapters.modbus;

import java.util.Map;

/** A service's Modbus policy: its own rules and, under {@code peers:}, each peer's changes to them. */
public record ModbusPolicies(PolicyRules service, Map<String, PolicyRules> peers) {
    public ModbusPolicies {
        peers = Map.copyOf(peers);
    }

    /** The policy in force for streams from {@code peer}. */
    public ModbusPolicy forPeer(String peer) {
        PolicyRules own = peers.get(peer);
        return (own == null ? service : own.under(service)).resolve();
    }
}
