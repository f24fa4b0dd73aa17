package io.pqagent.adapters.opcua;

import com.fasterxml.jackson.databind.JsonNode;
import io.pqagent.agent.testing.AgentFleet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Two real {@code qsmp-agent run} processes for OPC UA: "alpha" (where clients connect to
 * {@link #servicePort}) dials "bravo", which exposes the OPC UA server at {@code serverPort} as service
 * {@code plant} with {@code protocol: opcua} and the given policy. The agents run this module's test class
 * path, so ServiceLoader finds the OPC UA filter there.
 */
final class OpcUaAgents {
    static final String SERVICE = "plant";

    final AgentFleet fleet;
    final int servicePort;
    private int bravoStarts = 1;

    private OpcUaAgents(AgentFleet fleet, int servicePort) {
        this.fleet = fleet;
        this.servicePort = servicePort;
    }

    /** @param policyYaml bravo's {@code policy:} section, unindented YAML */
    static OpcUaAgents start(Path dir, int serverPort, String policyYaml) throws Exception {
        AgentFleet fleet = new AgentFleet(Files.createDirectories(dir));
        try {
            fleet.enrol("alpha");
            fleet.enrol("bravo");
            int servicePort = AgentFleet.freePort();
            int bravoPort = AgentFleet.freePort();
            String policy = policyYaml.stripIndent().lines().map(l -> "      " + l + "\n").reduce("", String::concat);
            fleet.config("alpha", AgentFleet.freePort(), "peers:\n  - name: bravo\n    address: 127.0.0.1:" + bravoPort + "\n"
                    + "services:\n  - name: " + SERVICE + "\n    peer: bravo\n    protocol: opcua\n"
                    + "    local: 127.0.0.1:" + servicePort + "\n    target: 127.0.0.1:" + serverPort + "\n");
            fleet.config("bravo", bravoPort, "peers:\n  - name: alpha\n"
                    + "expose:\n  - name: " + SERVICE + "\n    peer: alpha\n    protocol: opcua\n"
                    + "    target: 127.0.0.1:" + serverPort + "\n    policy:\n" + policy);
            fleet.start("bravo", "bravo");
            fleet.start("alpha", "alpha");
            fleet.awaitPeer("alpha", "bravo", true);
            fleet.awaitPeer("bravo", "alpha", true);
            return new OpcUaAgents(fleet, servicePort);
        } catch (Exception | Error e) {
            fleet.close();
            throw e;
        }
    }

    /** Cuts the tunnel the hard way: bravo (the server's side) dies with SIGKILL; alpha sees the peer go down. */
    void killBravo() throws Exception {
        fleet.kill("bravo");
        fleet.awaitPeer("alpha", "bravo", false);
    }

    /** Starts bravo again with the same configuration and waits for the tunnel. */
    void restartBravo() throws Exception {
        fleet.start("bravo", "bravo-" + (++bravoStarts));
        fleet.awaitPeer("alpha", "bravo", true);
    }

    /** bravo's audit events of one kind, oldest first. */
    List<JsonNode> audit(String event) throws Exception {
        return fleet.auditEvents("bravo", event);
    }

    /** The agents' logs, for a failure message. */
    String logs() throws Exception {
        return fleet.logs();
    }

    void close() throws Exception {
        fleet.close();
    }
}
