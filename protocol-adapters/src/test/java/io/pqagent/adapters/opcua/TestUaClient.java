package io.pqagent.adapters.opcua;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaMonitoredItem;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaSubscription;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.enumerated.BrowseDirection;
import org.eclipse.milo.opcua.stack.core.types.enumerated.BrowseResultMask;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.enumerated.NodeClass;
import org.eclipse.milo.opcua.stack.core.types.structured.BrowseDescription;
import org.eclipse.milo.opcua.stack.core.types.structured.BrowseResult;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.ReferenceDescription;
import org.eclipse.milo.opcua.stack.core.util.EndpointUtil;

/**
 * A Milo OPC UA client that reaches the test server through a local port (a relay or agent A's service
 * port). The server advertises its own {@code 127.0.0.1:PORT} in GetEndpoints; the client keeps the
 * endpoint's security settings but connects to the local port instead ({@link EndpointUtil#updateUrl}).
 */
final class TestUaClient implements AutoCloseable {
    final OpcUaClient client;
    /** Values of the subscribed Pump1.Counter, as they arrive. */
    final BlockingQueue<Integer> counterValues = new LinkedBlockingQueue<>();
    private OpcUaSubscription subscription;

    private TestUaClient(OpcUaClient client) {
        this.client = client;
    }

    static TestUaClient connect(int localPort) throws UaException {
        String url = "opc.tcp://127.0.0.1:" + localPort + TestUaServer.PATH;
        OpcUaClient client = OpcUaClient.create(url,
                endpoints -> endpoints.stream()
                        .filter(e -> SecurityPolicy.None.getUri().equals(e.getSecurityPolicyUri()))
                        .findFirst()
                        .map(e -> EndpointUtil.updateUrl(e, "127.0.0.1", localPort)),
                transport -> transport.setConnectTimeout(uint(5_000)),
                config -> config.setRequestTimeout(uint(10_000)).setKeepAliveInterval(uint(1_000)));
        client.connect();
        return new TestUaClient(client);
    }

    /**
     * Connects with Basic256Sha256 / SignAndEncrypt as {@code identity}, trusting {@code server}'s
     * certificate (GetEndpoints itself goes over the None endpoint, as discovery does).
     */
    static TestUaClient connectSecured(int localPort, UaIdentity identity, UaIdentity server) throws UaException {
        String url = "opc.tcp://127.0.0.1:" + localPort + TestUaServer.PATH;
        OpcUaClient client = OpcUaClient.create(url,
                endpoints -> endpoints.stream()
                        .filter(e -> SecurityPolicy.Basic256Sha256.getUri().equals(e.getSecurityPolicyUri())
                                && e.getSecurityMode() == MessageSecurityMode.SignAndEncrypt)
                        .findFirst()
                        .map(e -> EndpointUtil.updateUrl(e, "127.0.0.1", localPort)),
                transport -> transport.setConnectTimeout(uint(5_000)),
                config -> config.setRequestTimeout(uint(10_000))
                        .setApplicationUri(identity.applicationUri())
                        .setKeyPair(identity.keyPair())
                        .setCertificate(identity.certificate())
                        .setCertificateChain(identity.chain())
                        .setCertificateValidator(UaIdentity.clientTrusting(server)));
        client.connect();
        return new TestUaClient(client);
    }

    /** The browse names under Objects/Pump1 (and that Pump1 is under Objects). */
    List<String> browsePump() throws UaException {
        List<String> out = new ArrayList<>();
        for (ReferenceDescription r : browse(NodeIds.ObjectsFolder).getReferences()) {
            out.add(r.getBrowseName().name());
        }
        for (ReferenceDescription r : browse(PlantNamespace.PUMP).getReferences()) {
            out.add(r.getBrowseName().name());
        }
        return out;
    }

    private BrowseResult browse(NodeId node) throws UaException {
        return client.browse(new BrowseDescription(node, BrowseDirection.Forward, NodeIds.HierarchicalReferences, true,
                uint(NodeClass.Object.getValue() | NodeClass.Variable.getValue()), uint(BrowseResultMask.All.getValue())));
    }

    Object read(NodeId node) throws UaException {
        return client.readValues(0.0, org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn.Neither,
                List.of(node)).get(0).value().value();
    }

    StatusCode write(NodeId node, double value) throws UaException {
        return client.writeValues(List.of(node), List.of(new DataValue(new Variant(value)))).get(0);
    }

    void call(NodeId object, NodeId method) throws UaException {
        client.call(List.of(new CallMethodRequest(object, method, new Variant[0])));
    }

    /** Subscribes to Pump1.Counter at a 100 ms publishing interval; values go to {@link #counterValues}. */
    void subscribeCounter() throws UaException {
        subscription = new OpcUaSubscription(client, 100.0);
        subscription.create();
        OpcUaMonitoredItem item = OpcUaMonitoredItem.newDataItem(PlantNamespace.COUNTER);
        item.setSamplingInterval(50.0);
        item.setDataValueListener((i, v) -> {
            if (v.value().value() instanceof Integer n) {
                counterValues.add(n);
            }
        });
        subscription.addMonitoredItem(item);
        subscription.synchronizeMonitoredItems();
    }

    /** Waits (up to {@code seconds}) for {@code count} more counter values, each above the one before; returns the last. */
    int awaitCounterRising(int count, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        int last = Integer.MIN_VALUE;
        for (int seen = 0; seen < count; ) {
            long left = deadline - System.nanoTime();
            Integer v = left <= 0 ? null : counterValues.poll(left, TimeUnit.NANOSECONDS);
            if (v == null) {
                throw new AssertionError("only " + seen + " of " + count + " counter values in " + seconds + " s");
            }
            if (v > last) {
                seen++;
                last = v;
            }
        }
        return last;
    }

    @Override
    public void close() throws UaException {
        client.disconnect();
    }
}
