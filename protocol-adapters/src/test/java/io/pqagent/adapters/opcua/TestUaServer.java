package io.pqagent.adapters.opcua;

import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.eclipse.milo.opcua.sdk.server.EndpointConfig;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.OpcUaServerConfig;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.transport.TransportProfile;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransport;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransportConfig;

/**
 * A Milo OPC UA server on 127.0.0.1 with the {@link PlantNamespace}, anonymous access and one endpoint
 * with security policy None ({@code opc.tcp://127.0.0.1:PORT/pq}).
 */
final class TestUaServer implements AutoCloseable {
    static final String PATH = "/pq";

    final OpcUaServer server;
    final PlantNamespace plant;
    final int port;

    private TestUaServer(OpcUaServer server, PlantNamespace plant, int port) {
        this.server = server;
        this.plant = plant;
        this.port = port;
    }

    static TestUaServer start(int port) throws Exception {
        EndpointConfig endpoint = EndpointConfig.newBuilder()
                .setTransportProfile(TransportProfile.TCP_UASC_UABINARY)
                .setBindAddress("127.0.0.1")
                .setBindPort(port)
                .setHostname("127.0.0.1")
                .setPath(PATH)
                .setSecurityPolicy(SecurityPolicy.None)
                .setSecurityMode(MessageSecurityMode.None)
                .addTokenPolicies(OpcUaServerConfig.USER_TOKEN_POLICY_ANONYMOUS)
                .build();
        OpcUaServerConfig config = OpcUaServerConfig.builder()
                .setApplicationName(LocalizedText.english("pqagent test plant"))
                .setApplicationUri("urn:pqagent:test:server")
                .setProductUri("urn:pqagent:test")
                .setEndpoints(Set.of(endpoint))
                .build();
        OpcUaServer server = new OpcUaServer(config,
                profile -> new OpcTcpServerTransport(OpcTcpServerTransportConfig.newBuilder().build()));
        PlantNamespace plant = new PlantNamespace(server);
        plant.startup();
        server.startup().get(30, TimeUnit.SECONDS);
        return new TestUaServer(server, plant, port);
    }

    String endpointUrl() {
        return "opc.tcp://127.0.0.1:" + port + PATH;
    }

    @Override
    public void close() throws Exception {
        plant.shutdown();
        server.shutdown().get(30, TimeUnit.SECONDS);
    }
}
