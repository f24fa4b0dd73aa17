package io.pqagent.adapters.opcua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.pqagent.agent.testing.Loopback;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Milo client → agent alpha → QSMP tunnel → agent bravo (OPC UA filter) → Milo server, the agents as
 * real processes: browse, read, a subscription whose data changes keep flowing, an allowed write, a write
 * the policy denies (Bad_UserAccessDenied, the server's value unchanged, audited by bravo with the
 * peer, the service and the node), and the subscription delivering again after the tunnel is cut (bravo
 * killed with SIGKILL) and restored (bravo started again): the client reconnects and its session and
 * subscription carry on through a fresh filter. A connection that does not speak OPC UA is closed alone,
 * with an audit entry, while the client's stream goes on.
 */
class OpcUaThroughAgentsTest {
    private static final String POLICY = """
            default: deny
            allow: [Read, Browse, BrowseNext, TranslateBrowsePathsToNodeIds, Write, CreateSubscription, ModifySubscription,
                    DeleteSubscriptions, SetPublishingMode, Publish, Republish, TransferSubscriptions,
                    CreateMonitoredItems, ModifyMonitoredItems, DeleteMonitoredItems, SetMonitoringMode]
            deny: [Call]
            nodes:
              write: ["ns=2;s=Pump1.Setpoint"]
            """;

    @TempDir
    Path dir;

    private TestUaServer server;
    private OpcUaAgents agents;
    private TestUaClient client;

    @BeforeEach
    void serverAndAgents() throws Exception {
        server = TestUaServer.start(Loopback.freePortBelowEphemeralRange());
        agents = OpcUaAgents.start(dir, server.port, POLICY);
    }

    @AfterEach
    void stop() throws Exception {
        if (client != null) {
            client.close();
        }
        if (agents != null) {
            agents.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void browseReadSubscribeDenyAndRecoverAfterTheTunnelIsCut() throws Exception {
        try {
            run();
        } catch (Exception | AssertionError e) {
            throw new AssertionError(e.getMessage() + "\n" + agents.logs(), e);
        }
    }

    private void run() throws Exception {
        client = TestUaClient.connect(agents.servicePort);
        assertThat(client.browsePump()).contains("Pump1", "Pump1.Setpoint", "Pump1.Level", "Pump1.Counter");
        assertThat(client.read(PlantNamespace.LEVEL)).isEqualTo(12.5);
        client.subscribeCounter();
        client.awaitCounterRising(5, 30);

        assertThat(client.write(PlantNamespace.SETPOINT, 42.0).isGood()).isTrue();
        assertThat(server.plant.valueOf(PlantNamespace.SETPOINT)).isEqualTo(42.0);
        assertThatThrownBy(() -> client.write(PlantNamespace.LEVEL, 99.0)).isInstanceOfSatisfying(UaException.class,
                e -> assertThat(e.getStatusCode().value()).isEqualTo(StatusCodes.Bad_UserAccessDenied));
        assertThat(server.plant.valueOf(PlantNamespace.LEVEL)).isEqualTo(12.5);
        int beforeCut = client.awaitCounterRising(3, 30);

        List<JsonNode> denials = agents.audit("opcua_denied");
        assertThat(denials).hasSize(1);
        JsonNode d = denials.get(0);
        assertThat(d.path("peer").asText()).isEqualTo("alpha");
        assertThat(d.path("service").asText()).isEqualTo(OpcUaAgents.SERVICE);
        assertThat(d.path("ua_service").asText()).isEqualTo("Write");
        assertThat(d.path("request").asText()).isEqualTo("WriteRequest");
        assertThat(d.path("nodes").get(0).asText()).isEqualTo("ns=2;s=Pump1.Level");
        assertThat(d.path("status").asText()).isEqualTo("Bad_UserAccessDenied");

        // a connection that does not speak OPC UA is closed on its own; the tunnel and the client's stream go on
        try (Socket raw = new Socket(InetAddress.getLoopbackAddress(), agents.servicePort)) {
            raw.setSoTimeout(30_000);
            raw.getOutputStream().write("GET / HTTP/1.1\r\nHost: plant\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(readUntilClosed(raw)).as("nothing comes back").isZero();
        }
        List<JsonNode> malformed = agents.audit("opcua_malformed");
        assertThat(malformed).hasSize(1);
        assertThat(malformed.get(0).path("direction").asText()).isEqualTo("request");
        assertThat(malformed.get(0).path("reason").asText()).contains("unknown message type 0x474554");
        client.awaitCounterRising(2, 30);

        agents.killBravo();
        agents.restartBravo();
        client.counterValues.clear();
        int afterRestore = client.awaitCounterRising(3, 60);
        assertThat(afterRestore).isGreaterThan(beforeCut);
        assertThat(client.read(PlantNamespace.SETPOINT)).isEqualTo(42.0);
        assertThat(agents.audit("opcua_malformed")).hasSize(1);
    }

    /** Bytes read until the agent closes the connection (end of stream or a reset). */
    private static int readUntilClosed(Socket s) throws Exception {
        int n = 0;
        try {
            while (s.getInputStream().read() >= 0) {
                n++;
            }
        } catch (java.net.SocketException reset) {
            // closed with a reset: as good as an end of stream here
        }
        return n;
    }
}
