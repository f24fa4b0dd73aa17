package io.pqagent.adapters.opcua;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.milo.opcua.sdk.core.AccessLevel;
import org.eclipse.milo.opcua.sdk.core.Reference;
import org.eclipse.milo.opcua.sdk.server.ManagedNamespaceWithLifecycle;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.items.DataItem;
import org.eclipse.milo.opcua.sdk.server.items.MonitoredItem;
import org.eclipse.milo.opcua.sdk.server.nodes.UaFolderNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaVariableNode;
import org.eclipse.milo.opcua.sdk.server.util.SubscriptionModel;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;

/**
 * A small plant for the test server, in namespace 2: folder {@code Pump1} under Objects with
 * {@code Pump1.Setpoint} and {@code Pump1.Level} (Double, readable and writable at the server: what
 * may be written is the filter's business) and {@code Pump1.Counter} (Int32, read-only, one up every
 * {@link #TICK_MS} ms, for subscriptions).
 */
final class PlantNamespace extends ManagedNamespaceWithLifecycle {
    static final String URI = "urn:pqagent:test:plant";
    static final NodeId PUMP = new NodeId(2, "Pump1");
    static final NodeId SETPOINT = new NodeId(2, "Pump1.Setpoint");
    static final NodeId LEVEL = new NodeId(2, "Pump1.Level");
    static final NodeId COUNTER = new NodeId(2, "Pump1.Counter");
    static final long TICK_MS = 150;

    private final SubscriptionModel subscriptions;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "plant-ticker");
        t.setDaemon(true);
        return t;
    });
    private volatile UaVariableNode counter;
    private volatile UaVariableNode setpoint;
    private volatile UaVariableNode level;
    private int count;

    PlantNamespace(OpcUaServer server) {
        super(server, URI);
        subscriptions = new SubscriptionModel(server, this);
        getLifecycleManager().addLifecycle(subscriptions);
        getLifecycleManager().addStartupTask(this::build);
        getLifecycleManager().addShutdownTask(ticker::shutdownNow);
    }

    private void build() {
        UaFolderNode pump = new UaFolderNode(getNodeContext(), newNodeId("Pump1"), newQualifiedName("Pump1"),
                LocalizedText.english("Pump1"));
        getNodeManager().addNode(pump);
        pump.addReference(new Reference(pump.getNodeId(), NodeIds.Organizes, NodeIds.ObjectsFolder.expanded(), false));
        setpoint = variable(pump, "Pump1.Setpoint", NodeIds.Double, new Variant(50.0), AccessLevel.READ_WRITE);
        level = variable(pump, "Pump1.Level", NodeIds.Double, new Variant(12.5), AccessLevel.READ_WRITE);
        counter = variable(pump, "Pump1.Counter", NodeIds.Int32, new Variant(0), AccessLevel.READ_ONLY);
        ticker.scheduleAtFixedRate(() -> counter.setValue(new DataValue(new Variant(++count))), TICK_MS, TICK_MS,
                TimeUnit.MILLISECONDS);
    }

    private UaVariableNode variable(UaFolderNode folder, String name, NodeId type, Variant value,
            java.util.Set<AccessLevel> access) {
        UaVariableNode v = new UaVariableNode.UaVariableNodeBuilder(getNodeContext())
                .setNodeId(newNodeId(name))
                .setBrowseName(newQualifiedName(name))
                .setDisplayName(LocalizedText.english(name))
                .setDataType(type)
                .setTypeDefinition(NodeIds.BaseDataVariableType)
                .setAccessLevel(access)
                .setUserAccessLevel(access)
                .setValue(new DataValue(value))
                .build();
        getNodeManager().addNode(v);
        folder.addOrganizes(v);
        return v;
    }

    /** The value the server holds now, whatever any client was told. */
    Object valueOf(NodeId node) {
        UaVariableNode v = node.equals(SETPOINT) ? setpoint : node.equals(LEVEL) ? level : counter;
        return v.getValue().value().value();
    }

    @Override
    public void onDataItemsCreated(List<DataItem> items) {
        subscriptions.onDataItemsCreated(items);
    }

    @Override
    public void onDataItemsModified(List<DataItem> items) {
        subscriptions.onDataItemsModified(items);
    }

    @Override
    public void onDataItemsDeleted(List<DataItem> items) {
        subscriptions.onDataItemsDeleted(items);
    }

    @Override
    public void onMonitoringModeChanged(List<MonitoredItem> items) {
        subscriptions.onMonitoringModeChanged(items);
    }
}
