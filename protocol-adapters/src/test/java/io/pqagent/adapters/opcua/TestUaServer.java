package io.pqagent.adapters.opcua;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.milo.opcua.sdk.server.EndpointConfig;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.OpcUaServerConfig;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.security.CertificateStore;
import org.eclipse.milo.opcua.stack.core.security.DefaultApplicationGroup;
import org.eclipse.milo.opcua.stack.core.security.DefaultCertificateManager;
import org.eclipse.milo.opcua.stack.core.security.MemoryCertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.MemoryCertificateStore;
import org.eclipse.milo.opcua.stack.core.security.MemoryTrustListManager;
import org.eclipse.milo.opcua.stack.core.security.RsaSha256CertificateFactory;
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
        OpcUaServerConfig config = OpcUaServerConfig.builder()
                .setApplicationName(LocalizedText.english("pqagent test plant"))
                .setApplicationUri("urn:pqagent:test:server")
                .setProductUri("urn:pqagent:test")
                .setEndpoints(Set.of(endpoint(port, SecurityPolicy.None, MessageSecurityMode.None, null)))
                .build();
        return start(config, port);
    }

    /**
     * The same server with a second endpoint, Basic256Sha256 with SignAndEncrypt, under {@code identity},
     * trusting only {@code client}'s certificate. GetEndpoints still works on the None endpoint.
     */
    static TestUaServer startSecured(int port, UaIdentity identity, UaIdentity client) throws Exception {
        MemoryTrustListManager trust = new MemoryTrustListManager();
        MemoryCertificateStore store = new MemoryCertificateStore();
        store.set(NodeIds.RsaSha256ApplicationCertificateType,
                new CertificateStore.Entry(identity.keyPair().getPrivate(), identity.chain()));
        DefaultApplicationGroup group = DefaultApplicationGroup.createAndInitialize(trust, store,
                new RsaSha256CertificateFactory() {
                    @Override
                    protected KeyPair createRsaSha256KeyPair() {
                        return identity.keyPair();
                    }

                    @Override
                    protected X509Certificate[] createRsaSha256CertificateChain(KeyPair keyPair) {
                        return identity.chain();
                    }
                },
                UaIdentity.serverTrusting(trust, client));
        OpcUaServerConfig config = OpcUaServerConfig.builder()
                .setApplicationName(LocalizedText.english("pqagent test plant"))
                .setApplicationUri(identity.applicationUri())
                .setProductUri("urn:pqagent:test")
                .setCertificateManager(new DefaultCertificateManager(new MemoryCertificateQuarantine(), group))
                .setEndpoints(Set.of(
                        endpoint(port, SecurityPolicy.None, MessageSecurityMode.None, identity.certificate()),
                        endpoint(port, SecurityPolicy.Basic256Sha256, MessageSecurityMode.SignAndEncrypt,
                                identity.certificate())))
                .build();
        return start(config, port);
    }

    private static EndpointConfig endpoint(int port, SecurityPolicy policy, MessageSecurityMode mode,
            X509Certificate certificate) {
        return EndpointConfig.newBuilder()
                .setTransportProfile(TransportProfile.TCP_UASC_UABINARY)
                .setBindAddress("127.0.0.1")
                .setBindPort(port)
                .setHostname("127.0.0.1")
                .setPath(PATH)
                .setCertificate(certificate)
                .setSecurityPolicy(policy)
                .setSecurityMode(mode)
                .addTokenPolicies(OpcUaServerConfig.USER_TOKEN_POLICY_ANONYMOUS)
                .build();
    }

    private static TestUaServer start(OpcUaServerConfig config, int port) throws Exception {
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
    public void close() throws ExecutionException, TimeoutException {
        plant.shutdown();
        try {
            server.shutdown().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the OPC UA server shut down", e);
        }
    }
}
