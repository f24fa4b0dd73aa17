package io.pqagent.adapters.opcua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pqagent.agent.testing.Loopback;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real Milo client and server with a Basic256Sha256 / SignAndEncrypt secure channel through the filter:
 * the filter can only pass it through (the connection works, a write its policy would deny on a None
 * channel goes through, and it says so once per connection in the audit log), and with
 * {@code require-decodable: true} it refuses the channel, while GetEndpoints (security None) still works.
 */
class EncryptedChannelThroughFilterTest {
    static UaIdentity serverIdentity;
    static UaIdentity clientIdentity;

    private TestUaServer server;
    private FilterRelay relay;
    private TestUaClient client;

    @BeforeAll
    static void certificates() throws Exception {
        serverIdentity = UaIdentity.create("pqagent test server", "urn:pqagent:test:server");
        clientIdentity = UaIdentity.create("pqagent test client", "urn:pqagent:test:client");
    }

    private void start(Map<String, Object> policy) throws Exception {
        server = TestUaServer.startSecured(Loopback.freePortBelowEphemeralRange(), serverIdentity, clientIdentity);
        OpcUaPolicy p = OpcUaPolicyReader.read(policy).base();
        relay = new FilterRelay(server.port, () -> new OpcUaFilter(p, "plant", "alpha", Clock.systemUTC()));
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
    void anEncryptedChannelPassesThroughUncheckedAndSaysSo() throws Exception {
        start(Map.of("allow", List.of("Read", "Browse", "Write"), "nodes", Map.of("write", "ns=2;s=Pump1.Setpoint")));
        client = TestUaClient.connectSecured(relay.port(), clientIdentity, serverIdentity);
        assertThat(client.browsePump()).contains("Pump1.Level");
        assertThat(client.write(PlantNamespace.LEVEL, 77.0).isGood())
                .as("the policy cannot be applied to what the filter cannot read").isTrue();
        assertThat(server.plant.valueOf(PlantNamespace.LEVEL)).isEqualTo(77.0);
        List<Map<String, Object>> passes = relay.audits("opcua_pass_through");
        assertThat(passes).as("once, for the encrypted connection (discovery used None)").hasSize(1);
        assertThat(passes.get(0)).containsEntry("security_policy", "http://opcfoundation.org/UA/SecurityPolicy#Basic256Sha256");
        assertThat(relay.audits("opcua_denied")).isEmpty();
        assertThat(relay.resets).isEmpty();
    }

    @Test
    void requireDecodableRefusesTheEncryptedChannel() throws Exception {
        start(Map.of("default", "allow", "require-decodable", true));
        assertThatThrownBy(() -> client = TestUaClient.connectSecured(relay.port(), clientIdentity, serverIdentity))
                .isInstanceOf(UaException.class);
        assertThat(relay.audits("opcua_refused")).isNotEmpty();
        assertThat(relay.audits("opcua_refused").get(0))
                .containsEntry("security_policy", "http://opcfoundation.org/UA/SecurityPolicy#Basic256Sha256");
        assertThat(server.plant.valueOf(PlantNamespace.LEVEL)).isEqualTo(12.5);
        // the same filter lets a None channel through and applies the policy to it
        client = TestUaClient.connect(relay.port());
        assertThat(client.read(PlantNamespace.LEVEL)).isEqualTo(12.5);
    }
}
