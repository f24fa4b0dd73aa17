package io.pqagent.sim.master;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import io.pqagent.sim.device.OpcUaMap;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaMonitoredItem;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaSubscription;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.UaServiceFaultException;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.eclipse.milo.opcua.stack.core.types.structured.EndpointDescription;
import org.eclipse.milo.opcua.stack.core.util.EndpointUtil;

/**
 * An Eclipse Milo client of a stage's OPC UA face: one Read per cycle (level, pump, the slot's command
 * count), valve and pump commands written to {@code SlotN/ValveCommand} and {@code SlotN/PumpCommand}, the
 * valve command read back after an acknowledged write, and a subscription to the level whose data
 * changes are counted. The endpoint the server announces is rewritten to the address this client was
 * given, so discovery through an agent's service port keeps the session on that port. A connection
 * failure drops the client; the next cycle makes a new one (session and subscription included).
 */
public final class OpcUaPoller extends PollingMaster {
    private OpcUaClient client;
    private NodeId level;
    private NodeId pump;
    private NodeId count;
    private NodeId valveCommand;
    private NodeId pumpCommand;
    private int namespace;

    public OpcUaPoller(MasterSettings settings, LatencyLog latency) {
        super(settings, latency);
    }

    /**
     * Connects a Milo client to the stage's endpoint at {@code host}:{@code port}, with security None and an
     * anonymous session, and the announced endpoint rewritten to that address.
     */
    public static OpcUaClient connect(String host, int port, int timeoutMillis) throws UaException {
        UInteger timeout = uint(timeoutMillis);
        OpcUaClient c = OpcUaClient.create("opc.tcp://" + host + ":" + port + OpcUaMap.PATH,
                endpoints -> pick(endpoints, host, port),
                transport -> transport.setConnectTimeout(timeout),
                config -> config.setApplicationName(LocalizedText.english("pqagent sim master"))
                        .setApplicationUri("urn:pqagent:sim:master").setRequestTimeout(timeout)
                        .setKeepAliveTimeout(timeout));
        c.connect();
        return c;
    }

    private static Optional<EndpointDescription> pick(List<EndpointDescription> endpoints, String host, int port) {
        return endpoints.stream().filter(e -> SecurityPolicy.None.getUri().equals(e.getSecurityPolicyUri()))
                .findFirst().map(e -> EndpointUtil.updateUrl(e, host, port));
    }

    @Override
    protected void open() throws Exception {
        client = connect(settings.target().getHostString(), settings.target().getPort(), settings.timeoutMillis());
        namespace = client.readNamespaceTable().getIndex(OpcUaMap.NAMESPACE_URI).intValue();
        level = node(OpcUaMap.value("Level"));
        pump = node(OpcUaMap.value("PumpRunning"));
        count = node(OpcUaMap.slot(settings.slot(), "Commands"));
        valveCommand = node(OpcUaMap.slot(settings.slot(), "ValveCommand"));
        pumpCommand = node(OpcUaMap.slot(settings.slot(), "PumpCommand"));
        OpcUaSubscription subscription = new OpcUaSubscription(client, 250.0);
        subscription.create();
        OpcUaMonitoredItem item = OpcUaMonitoredItem.newDataItem(level);
        item.setSamplingInterval(100.0);
        item.setDataValueListener((i, v) -> noteNotification());
        subscription.addMonitoredItem(item);
        subscription.synchronizeMonitoredItems();
    }

    private NodeId node(String id) {
        return new NodeId(namespace, id);
    }

    @Override
    protected void shut() {
        if (client != null) {
            client.disconnectAsync();
            client = null;
        }
    }

    @Override
    protected long poll() throws Exception {
        List<DataValue> values = timed(() -> client.readValues(0, TimestampsToReturn.Neither, List.of(level, pump, count)));
        for (DataValue v : values) {
            if (!v.statusCode().isGood()) {
                throw new IOException("read answered " + v.statusCode());
            }
        }
        sawLevel(((Number) values.get(0).value().value()).doubleValue());
        return ((UInteger) values.get(2).value().value()).longValue();
    }

    @Override
    protected WriteOutcome send(Command command) {
        NodeId target = command.pump() ? pumpCommand : valveCommand;
        Variant value = command.pump() ? new Variant(command.run()) : new Variant(command.valvePercent());
        try {
            StatusCode status = timed(() -> client.writeValues(List.of(target), List.of(new DataValue(value))).get(0));
            if (status.isGood()) {
                return WriteOutcome.ACKNOWLEDGED;
            }
            noteError(new IOException("write of " + target.getIdentifier() + " answered " + status));
            return WriteOutcome.REFUSED;
        } catch (Exception e) {
            noteError(e);
            return WriteOutcome.UNKNOWN;
        }
    }

    /** Read-after-write: {@code SlotN/ValveCommand} must hold the setpoint just acknowledged. */
    @Override
    protected void verify(Command command) throws Exception {
        if (command.pump()) {
            return;
        }
        DataValue back = timed(() -> client.readValues(0, TimestampsToReturn.Neither, List.of(valveCommand)).get(0));
        Object v = back.value().value();
        if (!(v instanceof Double d) || Math.abs(d - Math.max(0, Math.min(100, command.valvePercent()))) > 1e-9) {
            ledger().inconsistent(settings.name() + ": " + valveCommand.getIdentifier() + " reads " + v + " right after "
                    + command.valvePercent() + " was written and acknowledged");
        }
    }

    @Override
    protected ProbeResult probe(int slot) {
        try {
            StatusCode status = timed(() -> client.writeValues(List.of(node(OpcUaMap.slot(slot, "ValveCommand"))),
                    List.of(new DataValue(new Variant(50.0)))).get(0));
            return status.isGood() ? ProbeResult.CARRIED_OUT : ProbeResult.DENIED;
        } catch (Exception e) {
            // the OPC UA filter answers a denied request with a ServiceFault, which the client throws
            if (deniedByFault(e)) {
                return ProbeResult.DENIED;
            }
            noteError(e);
            return ProbeResult.FAILED;
        }
    }

    private static boolean deniedByFault(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UaServiceFaultException fault
                    && fault.getStatusCode().getValue() == StatusCodes.Bad_UserAccessDenied) {
                return true;
            }
        }
        return false;
    }
}
