package io.pqagent.sim.device;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import io.pqagent.sim.plant.CommandSlots;
import io.pqagent.sim.plant.StageSnapshot;
import io.pqagent.sim.plant.WaterStage;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.eclipse.milo.opcua.sdk.core.AccessLevel;
import org.eclipse.milo.opcua.sdk.core.Reference;
import org.eclipse.milo.opcua.sdk.server.EndpointConfig;
import org.eclipse.milo.opcua.sdk.server.ManagedNamespaceWithLifecycle;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.OpcUaServerConfig;
import org.eclipse.milo.opcua.sdk.server.items.DataItem;
import org.eclipse.milo.opcua.sdk.server.items.MonitoredItem;
import org.eclipse.milo.opcua.sdk.server.nodes.UaFolderNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaVariableNode;
import org.eclipse.milo.opcua.sdk.server.nodes.filters.AttributeFilters;
import org.eclipse.milo.opcua.sdk.server.util.SubscriptionModel;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.security.DefaultCertificateManager;
import org.eclipse.milo.opcua.stack.core.security.MemoryCertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.transport.TransportProfile;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransport;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransportConfig;

/**
 * The stage as an OPC UA server (Eclipse Milo): one endpoint {@code opc.tcp://HOST:PORT/sim}, security
 * None and anonymous users only (inside our tunnel the QSMP layer protects it), the node tree of
 * {@link OpcUaMap}, subscriptions sampled from the stage.
 */
public final class OpcUaFace implements AutoCloseable {
    private final OpcUaServer server;
    private final int port;

    private OpcUaFace(OpcUaServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /** Binds {@code host}:{@code port} and serves until closed. */
    public static OpcUaFace start(WaterStage stage, String host, int port) throws Exception {
        EndpointConfig endpoint = EndpointConfig.newBuilder()
                .setTransportProfile(TransportProfile.TCP_UASC_UABINARY)
                .setBindAddress(host).setBindPort(port).setHostname(host).setPath(OpcUaMap.PATH)
                .setSecurityPolicy(SecurityPolicy.None).setSecurityMode(MessageSecurityMode.None)
                .addTokenPolicy(OpcUaServerConfig.USER_TOKEN_POLICY_ANONYMOUS)
                .build();
        OpcUaServerConfig config = OpcUaServerConfig.builder()
                .setApplicationName(LocalizedText.english("pqagent simulated water stage"))
                .setApplicationUri("urn:pqagent:sim:server")
                .setProductUri("urn:pqagent:sim")
                .setEndpoints(Set.of(endpoint))
                .setCertificateManager(new DefaultCertificateManager(new MemoryCertificateQuarantine()))
                .build();
        OpcUaServer server = new OpcUaServer(config,
                profile -> new OpcTcpServerTransport(OpcTcpServerTransportConfig.newBuilder().build()));
        new StageNamespace(server, stage).startup();
        server.startup().get(30, TimeUnit.SECONDS);
        return new OpcUaFace(server, port);
    }

    public int port() {
        return port;
    }

    /** The endpoint URL a client on this machine uses directly. */
    public String endpointUrl() {
        return "opc.tcp://127.0.0.1:" + port + OpcUaMap.PATH;
    }

    @Override
    public void close() throws Exception {
        server.shutdown().get(30, TimeUnit.SECONDS);
    }

    /** The node tree, its values read from the stage and its writes turned into slot commands. */
    private static final class StageNamespace extends ManagedNamespaceWithLifecycle {
        private final WaterStage stage;
        private final SubscriptionModel subscriptions;

        StageNamespace(OpcUaServer server, WaterStage stage) {
            super(server, OpcUaMap.NAMESPACE_URI);
            this.stage = stage;
            this.subscriptions = new SubscriptionModel(server, this);
            getLifecycleManager().addLifecycle(subscriptions);
            getLifecycleManager().addStartupTask(this::build);
        }

        private void build() {
            UaFolderNode root = folder(OpcUaMap.ROOT, "WaterStage");
            root.addReference(new Reference(root.getNodeId(), NodeIds.Organizes, NodeIds.ObjectsFolder.expanded(), false));
            readOnly(root, OpcUaMap.value("Level"), "Level", NodeIds.Double, s -> s.levelM());
            readOnly(root, OpcUaMap.value("Inflow"), "Inflow", NodeIds.Double, s -> s.inflowM3h());
            readOnly(root, OpcUaMap.value("Outflow"), "Outflow", NodeIds.Double, s -> s.outflowM3h());
            readOnly(root, OpcUaMap.value("ValvePosition"), "ValvePosition", NodeIds.Double, s -> s.valvePct());
            readOnly(root, OpcUaMap.value("ValveSetpoint"), "ValveSetpoint", NodeIds.Double, s -> s.valveSetpointPct());
            readOnly(root, OpcUaMap.value("PumpRunning"), "PumpRunning", NodeIds.Boolean, s -> s.pumpRunning());
            readOnly(root, OpcUaMap.value("HighAlarm"), "HighAlarm", NodeIds.Boolean, s -> s.highAlarm());
            readOnly(root, OpcUaMap.value("LowAlarm"), "LowAlarm", NodeIds.Boolean, s -> s.lowAlarm());
            readOnly(root, OpcUaMap.value("PumpStarts"), "PumpStarts", NodeIds.UInt32, s -> uint(s.pumpStarts()));
            for (int n = 0; n < CommandSlots.COUNT; n++) {
                int slot = n;
                UaFolderNode folder = folder(OpcUaMap.ROOT + "/Slot" + n, "Slot" + n);
                root.addOrganizes(folder);
                UaVariableNode valve = variable(OpcUaMap.slot(n, "ValveCommand"), "ValveCommand", NodeIds.Double, true);
                valve.getFilterChain().addLast(AttributeFilters.getSetValue(
                        ctx -> new DataValue(new Variant(stage.lastValveCommand(slot))),
                        (ctx, v) -> stage.commandValve(slot, ((Number) v.value().value()).doubleValue())));
                folder.addOrganizes(valve);
                UaVariableNode pump = variable(OpcUaMap.slot(n, "PumpCommand"), "PumpCommand", NodeIds.Boolean, true);
                pump.getFilterChain().addLast(AttributeFilters.getSetValue(
                        ctx -> new DataValue(new Variant(stage.lastPumpCommand(slot))),
                        (ctx, v) -> stage.commandPump(slot, (Boolean) v.value().value())));
                folder.addOrganizes(pump);
                UaVariableNode count = variable(OpcUaMap.slot(n, "Commands"), "Commands", NodeIds.UInt32, false);
                count.getFilterChain().addLast(AttributeFilters.getValue(
                        ctx -> new DataValue(new Variant(uint(stage.commands(slot))))));
                folder.addOrganizes(count);
            }
        }

        private UaFolderNode folder(String id, String name) {
            UaFolderNode f = new UaFolderNode(getNodeContext(), new NodeId(getNamespaceIndex(), id),
                    new QualifiedName(getNamespaceIndex(), name), LocalizedText.english(name));
            getNodeManager().addNode(f);
            return f;
        }

        private void readOnly(UaFolderNode parent, String id, String name, NodeId type, Function<StageSnapshot, Object> read) {
            UaVariableNode node = variable(id, name, type, false);
            node.getFilterChain().addLast(AttributeFilters.getValue(
                    ctx -> new DataValue(new Variant(read.apply(stage.snapshot())))));
            parent.addOrganizes(node);
        }

        private UaVariableNode variable(String id, String name, NodeId type, boolean writable) {
            Set<AccessLevel> access = writable ? AccessLevel.READ_WRITE : AccessLevel.READ_ONLY;
            UaVariableNode node = new UaVariableNode.UaVariableNodeBuilder(getNodeContext())
                    .setNodeId(new NodeId(getNamespaceIndex(), id))
                    .setBrowseName(new QualifiedName(getNamespaceIndex(), name))
                    .setDisplayName(LocalizedText.english(name))
                    .setDataType(type)
                    .setTypeDefinition(NodeIds.BaseDataVariableType)
                    .setAccessLevel(access)
                    .setUserAccessLevel(access)
                    .build();
            getNodeManager().addNode(node);
            return node;
        }

        @Override
        public void onDataItemsCreated(List<DataItem> dataItems) {
            subscriptions.onDataItemsCreated(dataItems);
        }

        @Override
        public void onDataItemsModified(List<DataItem> dataItems) {
            subscriptions.onDataItemsModified(dataItems);
        }

        @Override
        public void onDataItemsDeleted(List<DataItem> dataItems) {
            subscriptions.onDataItemsDeleted(dataItems);
        }

        @Override
        public void onMonitoringModeChanged(List<MonitoredItem> monitoredItems) {
            subscriptions.onMonitoringModeChanged(monitoredItems);
        }
    }
}
