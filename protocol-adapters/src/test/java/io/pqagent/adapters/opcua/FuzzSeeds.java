package io.pqagent.adapters.opcua;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExtensionObject;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.enumerated.BrowseDirection;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MonitoringMode;
import org.eclipse.milo.opcua.stack.core.types.enumerated.PerformUpdateType;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.eclipse.milo.opcua.stack.core.types.structured.BrowseDescription;
import org.eclipse.milo.opcua.stack.core.types.structured.BrowseRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.CreateMonitoredItemsRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.CreateSubscriptionRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.HistoryUpdateRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.MonitoredItemCreateRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.MonitoringParameters;
import org.eclipse.milo.opcua.stack.core.types.structured.ReadValueId;
import org.eclipse.milo.opcua.stack.core.types.structured.UpdateDataDetails;
import org.eclipse.milo.opcua.stack.core.types.structured.ViewDescription;

/**
 * Writes the well-formed seeds of {@link OpcUaFilterFuzzTest} (run by hand from the test class path with
 * the inputs directory as argument; the files are committed). Each seed is the mode byte, for modes 0 and
 * 1 the client's byte count (u16, big-endian), then the bytes.
 */
final class FuzzSeeds {
    private FuzzSeeds() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createDirectories(Path.of(args[0]));
        NodeId setpoint = new NodeId(2, "Pump1.Setpoint");
        NodeId level = new NodeId(2, "Pump1.Level");
        byte[] read = UaWire.message('F', 101, 2, UaWire.body(UaWire.read(1, level, new NodeId(0, 2255))));
        byte[] answer = UaWire.message('F', 501, 2, UaWire.body(UaWire.readResponse(1)));
        write(dir, "opened_read_and_answer", 1, split(read, answer), read, answer);
        byte[] denied = UaWire.message('F', 101, 2, UaWire.body(UaWire.write(2, setpoint, level)));
        byte[] chunked = UaWire.concat(UaWire.chunked(501, 9, UaWire.body(UaWire.readResponse(9)), 12)
                .toArray(byte[][]::new));
        write(dir, "opened_denied_write_during_chunked_answer", 1, split(denied, chunked), denied, chunked);
        byte[] chunkedRequest = UaWire.concat(UaWire.chunked(101, 3, UaWire.body(UaWire.write(3, setpoint)), 20)
                .toArray(byte[][]::new));
        write(dir, "opened_chunked_write", 1, chunkedRequest.length, chunkedRequest);
        byte[] aborted = UaWire.concat(UaWire.message('C', 101, 4, new byte[] {1, 2}),
                UaWire.message('A', 102, 4, new byte[] {0, 0, 0x07, (byte) 0x80, -1, -1, -1, -1}));
        write(dir, "opened_aborted_request", 1, aborted.length, aborted);
        byte[] encrypted = UaWire.concat(UaWire.hello(), UaWire.encryptedOpen(UaWire.BASIC256SHA256, 0),
                UaWire.encryptedMessage(7, 3));
        byte[] encryptedAnswer = UaWire.concat(UaWire.acknowledge(), UaWire.encryptedOpen(UaWire.BASIC256SHA256, 7));
        write(dir, "fresh_encrypted_channel", 0, split(encrypted, encryptedAnswer), encrypted, encryptedAnswer);

        body(dir, "body_read", UaWire.read(5, level));
        body(dir, "body_write_allowed", UaWire.write(6, setpoint));
        body(dir, "body_call_denied", UaWire.call(7, new NodeId(2, "Pump1"), new NodeId(2, "Pump1.Reset")));
        body(dir, "body_publish", UaWire.publish(8));
        body(dir, "body_browse", new BrowseRequest(UaWire.header(9), new ViewDescription(NodeId.NULL_VALUE,
                DateTime.MIN_VALUE, uint(0)), uint(0), new BrowseDescription[] {new BrowseDescription(NodeIds.ObjectsFolder,
                BrowseDirection.Forward, NodeIds.HierarchicalReferences, true, uint(0), uint(63))}));
        body(dir, "body_create_subscription", new CreateSubscriptionRequest(UaWire.header(10), 100.0, uint(60), uint(20),
                uint(0), true, org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UByte.valueOf(0)));
        body(dir, "body_create_monitored_items", new CreateMonitoredItemsRequest(UaWire.header(11), uint(1),
                TimestampsToReturn.Both, new MonitoredItemCreateRequest[] {new MonitoredItemCreateRequest(
                        new ReadValueId(new NodeId(2, "Pump1.Counter"), uint(13), null, null), MonitoringMode.Reporting,
                        new MonitoringParameters(uint(1), 50.0, null, uint(10), true))}));
        body(dir, "body_history_update", new HistoryUpdateRequest(UaWire.header(12), new ExtensionObject[] {
                ExtensionObject.encode(org.eclipse.milo.opcua.stack.core.encoding.DefaultEncodingContext.INSTANCE,
                        new UpdateDataDetails(level, PerformUpdateType.Replace,
                                new DataValue[] {new DataValue(new Variant(1.0))}))}));
    }

    private static int split(byte[] client, byte[] server) {
        return client.length;
    }

    private static void body(Path dir, String name, org.eclipse.milo.opcua.stack.core.types.UaMessageType m)
            throws Exception {
        Files.write(dir.resolve(name), UaWire.concat(new byte[] {2}, UaWire.body(m)));
    }

    private static void write(Path dir, String name, int mode, int split, byte[]... parts) throws Exception {
        Files.write(dir.resolve(name), UaWire.concat(new byte[] {(byte) mode, (byte) (split >> 8), (byte) split},
                UaWire.concat(parts)));
    }

}
