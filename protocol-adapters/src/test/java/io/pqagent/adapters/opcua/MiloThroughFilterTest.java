package io.pqagent.adapters.opcua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pqagent.agent.testing.Loopback;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.UaServiceFaultException;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A real Milo client and server with the OPC UA filter between them (an in-JVM relay instead of two
 * agents): browse, read, an allowed write, a denied write and a denied call answered with
 * Bad_UserAccessDenied while the server's value stays as it was, and a subscription whose data keeps
 * flowing across the denials: both stacks check the sequence numbers the filter renumbered.
 */
class MiloThroughFilterTest {
    static final Map<String, Object> POLICY = Map.of(
            "default", "deny",
            "allow", List.of("Read", "Browse", "BrowseNext", "TranslateBrowsePathsToNodeIds", "Write",
                    "CreateSubscription", "ModifySubscription", "DeleteSubscriptions", "SetPublishingMode", "Publish",
                    "Republish", "TransferSubscriptions", "CreateMonitoredItems", "ModifyMonitoredItems",
                    "DeleteMonitoredItems", "SetMonitoringMode"),
            "deny", List.of("Call"),
            "nodes", Map.of("write", List.of("ns=2;s=Pump1.Setpoint")));

    private TestUaServer server;
    private FilterRelay relay;
    private TestUaClient client;

    @BeforeEach
    void start() throws Exception {
        server = TestUaServer.start(Loopback.freePortBelowEphemeralRange());
        OpcUaPolicy policy = OpcUaPolicyReader.read(POLICY).base();
        relay = new FilterRelay(server.port, () -> new OpcUaFilter(policy, "plant", "alpha", Clock.systemUTC()));
        client = TestUaClient.connect(relay.port());
    }

    @AfterEach
    void stop() throws Exception {
        if (client != null) {
            client.close();
        }
        if (relay != null) {
            relay.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void browseReadWriteAndSubscribeThroughTheFilter() throws Exception {
        assertThat(client.browsePump()).contains("Pump1", "Pump1.Setpoint", "Pump1.Level", "Pump1.Counter");
        assertThat(client.read(PlantNamespace.LEVEL)).isEqualTo(12.5);

        client.subscribeCounter();
        client.awaitCounterRising(3, 20);

        assertThat(client.write(PlantNamespace.SETPOINT, 61.0).isGood()).isTrue();
        assertThat(server.plant.valueOf(PlantNamespace.SETPOINT)).isEqualTo(61.0);

        assertDenied(() -> client.write(PlantNamespace.LEVEL, 99.0));
        assertThat(server.plant.valueOf(PlantNamespace.LEVEL)).isEqualTo(12.5);
        assertDenied(() -> client.call(PlantNamespace.PUMP, new NodeId(2, "Pump1.Reset")));

        // the connection survived both injected answers: reads and the subscription go on
        assertThat(client.read(PlantNamespace.LEVEL)).isEqualTo(12.5);
        client.awaitCounterRising(5, 20);
        assertThat(relay.resets).isEmpty();

        List<Map<String, Object>> denials = relay.audits("opcua_denied");
        assertThat(denials).hasSize(2);
        assertThat(denials.get(0)).containsEntry("ua_service", "Write").containsEntry("request", "WriteRequest")
                .containsEntry("nodes", List.of("ns=2;s=Pump1.Level")).containsEntry("status", "Bad_UserAccessDenied");
        assertThat(denials.get(1)).containsEntry("ua_service", "Call").containsEntry("request", "CallRequest");
        assertThat((String) denials.get(1).get("reason")).contains("policy.deny");
    }

    private static void assertDenied(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        // Milo's convenience calls wrap the ServiceFault's exception in another with the same status
        assertThatThrownBy(call).isInstanceOfSatisfying(UaException.class, e ->
                assertThat(e.getStatusCode().value()).isEqualTo(StatusCodes.Bad_UserAccessDenied))
                .satisfies(e -> assertThat(e instanceof UaServiceFaultException
                        || e.getCause() instanceof UaServiceFaultException).as("a ServiceFault came back").isTrue());
    }
}
