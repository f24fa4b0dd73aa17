package io.pqagent.adapters.modbus;

import com.fasterxml.jackson.databind.JsonNode;
import io.pqagent.agent.testing.AgentFleet;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Two real {@code qsmp-agent run} processes for Modbus: "alpha" (the control centre, where masters
 * connect to {@link #servicePort}) dials "bravo" (the PLC gateway), which exposes the PLC at
 * {@code plcPort} as service {@code plc} with {@code protocol: modbus} and the given policy, and serves
 * its metrics on {@link #metricsPort}. For the benchmark, a second PLC may be exposed unfiltered
 * ({@code protocol: raw}) as service {@code plc-raw} at {@link #rawServicePort}, to tell the filter's cost
 * from the tunnel's (an agent exposes a target to a peer once, so it is another port). The agents run this module's test class path, so ServiceLoader
 * finds the Modbus filter there.
 */
final class ModbusAgents implements AutoCloseable {
    static final String SERVICE = "plc";

    final AgentFleet fleet;
    final int servicePort;
    final int rawServicePort;
    final int metricsPort;

    private ModbusAgents(AgentFleet fleet, int servicePort, int rawServicePort, int metricsPort) {
        this.fleet = fleet;
        this.servicePort = servicePort;
        this.rawServicePort = rawServicePort;
        this.metricsPort = metricsPort;
    }

    /** @param policyYaml bravo's {@code policy:} section, unindented YAML */
    static ModbusAgents start(Path dir, int plcPort, String policyYaml) throws Exception {
        return start(dir, plcPort, 0, policyYaml);
    }

    /** @param rawPlcPort a PLC to expose as {@code plc-raw} without a filter, or 0 for none */
    static ModbusAgents start(Path dir, int plcPort, int rawPlcPort, String policyYaml) throws Exception {
        AgentFleet fleet = new AgentFleet(Files.createDirectories(dir));
        try {
            fleet.enrol("alpha");
            fleet.enrol("bravo");
            int servicePort = AgentFleet.freePort();
            int rawServicePort = AgentFleet.freePort();
            int metricsPort = AgentFleet.freePort();
            int bravoPort = AgentFleet.freePort();
            String policy = policyYaml.stripIndent().lines().map(l -> "      " + l + "\n").reduce("", String::concat);
            fleet.config("alpha", AgentFleet.freePort(), "peers:\n  - name: bravo\n    address: 127.0.0.1:" + bravoPort + "\n"
                    + "services:\n  - name: " + SERVICE + "\n    peer: bravo\n    protocol: modbus\n"
                    + "    local: 127.0.0.1:" + servicePort + "\n    target: 127.0.0.1:" + plcPort + "\n"
                    + (rawPlcPort == 0 ? "" : "  - name: plc-raw\n    peer: bravo\n    protocol: raw\n"
                    + "    local: 127.0.0.1:" + rawServicePort + "\n    target: 127.0.0.1:" + rawPlcPort + "\n"));
            fleet.config("bravo", bravoPort, "peers:\n  - name: alpha\n"
                    + "expose:\n  - name: " + SERVICE + "\n    peer: alpha\n    protocol: modbus\n"
                    + "    target: 127.0.0.1:" + plcPort + "\n    policy:\n" + policy
                    + (rawPlcPort == 0 ? "" : "  - name: plc-raw\n    peer: alpha\n    protocol: raw\n    target: 127.0.0.1:"
                    + rawPlcPort + "\n")
                    + "metrics:\n  enabled: true\n  address: 127.0.0.1\n  port: " + metricsPort + "\n");
            fleet.start("bravo", "bravo");
            fleet.start("alpha", "alpha");
            fleet.awaitPeer("alpha", "bravo", true);
            fleet.awaitPeer("bravo", "alpha", true);
            return new ModbusAgents(fleet, servicePort, rawServicePort, metricsPort);
        } catch (Exception | Error e) {
            fleet.close();
            throw e;
        }
    }

    /** bravo's audit events of one kind, oldest first. */
    List<JsonNode> audit(String event) throws Exception {
        return fleet.auditEvents("bravo", event);
    }

    /** bravo's Prometheus scrape. */
    String metrics() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + metricsPort + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        return r.body();
    }

    /** The agents' logs, for a failure message. */
    String logs() throws Exception {
        return fleet.logs();
    }

    @Override
    public void close() throws Exception {
        fleet.close();
    }
}
