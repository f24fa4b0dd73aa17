package io.pqagent.sim.device;

import static org.assertj.core.api.Assertions.assertThat;

import io.pqagent.adapters.dnp3.app.CommandStatus;
import io.pqagent.adapters.dnp3.app.Crob;
import io.pqagent.adapters.dnp3.master.Dnp3Master;
import io.pqagent.adapters.dnp3.master.MasterConfig;
import io.pqagent.adapters.dnp3.master.PollResult;
import io.pqagent.agent.plant.LocalPlant;
import io.pqagent.agent.testing.LoopbackCapture;
import io.pqagent.sim.master.OpcUaPoller;
import io.pqagent.sim.plant.StageTicker;
import io.pqagent.sim.plant.WaterStage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaMonitoredItem;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaSubscription;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.eclipse.milo.opcua.stack.core.types.structured.ReferenceDescription;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned;
import org.eclipse.milo.opcua.stack.core.types.enumerated.BrowseDirection;
import org.eclipse.milo.opcua.stack.core.types.enumerated.BrowseResultMask;
import org.eclipse.milo.opcua.stack.core.types.structured.BrowseDescription;
import org.eclipse.milo.opcua.stack.core.types.structured.BrowseResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each face of a simulated stage with a peer we did not write: mbpoll (libmodbus) as Modbus master, tshark
 * decoding a capture of the outstation's DNP3 traffic, and an Eclipse Milo client. Missing tools fail the
 * test ({@code .ci/run} installs mbpoll and tshark).
 */
class IndependentPeersTest {
    private static final Path MBPOLL = Path.of("/usr/bin/mbpoll");
    @TempDir
    Path dir;
    private final WaterStage stage = WaterStage.standard();
    private StageTicker ticker;
    private StageDevice device;

    @BeforeEach
    void serve() throws Exception {
        ticker = new StageTicker(50);
        ticker.add(stage);
        device = StageDevice.start(stage, "127.0.0.1", LocalPlant.freePort(), 1, LocalPlant.freePort(), 10,
                LocalPlant.freePort());
    }

    @AfterEach
    void stop() throws Exception {
        device.close();
        ticker.close();
    }

    @Test
    void mbpollReadsTheRegisterMapAndItsWriteCountsOnceInItsSlot() throws Exception {
        assertThat(Files.isExecutable(MBPOLL)).as("mbpoll at " + MBPOLL
                + "; install with DEBIAN_FRONTEND=noninteractive apt-get install -y mbpoll (as .ci/run does)").isTrue();
        String read = mbpoll("-t", "3", "-r", "0", "-c", Integer.toString(ModbusMap.INPUT_REGISTERS));
        List<Integer> registers = values(read);
        assertThat(registers).hasSize(ModbusMap.INPUT_REGISTERS);
        double level = stage.snapshot().levelM();
        assertThat(registers.get(0) / 1000.0).as("input register 0 is the level in mm").isBetween(level - 0.05, level + 0.05);
        assertThat(registers.get(3)).as("valve position 40.0 %").isEqualTo(400);

        mbpoll("-t", "4", "-r", "3", "--", "655"); // FC 6: slot 3 sets the valve to 65.5 %
        assertThat(stage.commands(3)).isEqualTo(1);
        assertThat(stage.snapshot().valveSetpointPct()).isEqualTo(65.5);
        List<Integer> counts = values(mbpoll("-t", "3", "-r", Integer.toString(ModbusMap.SLOT_COUNT_REGISTER + 6), "-c", "2"));
        assertThat(counts).as("slot 3's count, high word then low").containsExactly(0, 1);
        assertThat(values(mbpoll("-t", "4", "-r", "3", "-c", "1"))).containsExactly(655);

        mbpoll("-t", "0", "-r", "5", "--", "1"); // FC 5: slot 5 starts the pump
        assertThat(stage.snapshot().pumpRunning()).isTrue();
        assertThat(values(mbpoll("-t", "1", "-r", "0", "-c", "1"))).as("discrete input 0: pump running").containsExactly(1);
        Result refused = run(List.of(MBPOLL.toString(), "-m", "tcp", "-a", "1", "-0", "-1", "-p",
                Integer.toString(device.modbus().port()), "-t", "4", "-r", "8", "--", "1", "127.0.0.1"));
        assertThat(refused.exit()).as("holding register 8 is read only: " + refused.output()).isNotZero();
        assertThat(refused.output()).contains("Write output (holding) register failed");
        assertThat(stage.commands(3) + stage.commands(5)).isEqualTo(2);
    }

    @Test
    void tsharkDecodesTheOutstationsTrafficAsDnp3WithoutComplaint() throws Exception {
        int port = device.dnp3().port();
        try (LoopbackCapture capture = LoopbackCapture.start(dir, "dnp3", port)) {
            try (Dnp3Master master = Dnp3Master.connect(new InetSocketAddress("127.0.0.1", port), MasterConfig.defaults(1, 10))) {
                PollResult first = master.integrityPoll();
                assertThat(first.counters()).hasSize(9);
                assertThat(first.analogInputs().get(0).value()).isBetween(0.0, 5.0);
                assertThat(master.selectAndOperate(2, Crob.latch(true))).isEqualTo(CommandStatus.SUCCESS);
                PollResult after = master.integrityPoll();
                assertThat(after.counters().get(2).value()).as("slot 2 counted one operate").isEqualTo(1);
                assertThat(after.binaryInputs().get(0).state()).as("pump running").isTrue();
                master.eventPoll();
            }
            Thread.sleep(500);
            capture.stop();
            List<String> functions = capture.decode("dnp3.al.func", "dnp3.al.func").stream()
                    .flatMap(l -> Arrays.stream(l.split(","))).toList();
            // READ 1, SELECT 3, OPERATE 4, RESPONSE 129
            assertThat(functions).contains("1", "3", "4", "129");
            assertThat(capture.decode("_ws.malformed || _ws.expert.severity >= \"error\""
                    + " || (dnp3 && _ws.expert.severity >= \"warning\")"
                    + " || dnp.hdr.CRC.status == 0 || dnp.data_chunk.CRC.status == 0"
                    + " || (tcp.len > 0 && !dnp3 && !tcp.reassembled_in)", "frame.number", "_ws.expert.message"))
                    .as("malformed, erroneous, bad-CRC or undecoded packets").isEmpty();
        }
        assertThat(stage.commands(2)).isEqualTo(1);
    }

    @Test
    void aMiloClientBrowsesReadsWritesAndSubscribes() throws Exception {
        OpcUaClient client = OpcUaPoller.connect("127.0.0.1", device.opcua().port(), 5_000);
        try {
            int ns = client.readNamespaceTable().getIndex(OpcUaMap.NAMESPACE_URI).intValue();
            List<String> names = new ArrayList<>();
            BrowseResult browsed = client.browse(new BrowseDescription(new NodeId(ns, OpcUaMap.ROOT), BrowseDirection.Forward,
                    NodeIds.HierarchicalReferences, true, Unsigned.uint(0), Unsigned.uint(BrowseResultMask.All.getValue())));
            assertThat(browsed.getStatusCode().isGood()).as(browsed.getStatusCode().toString()).isTrue();
            for (ReferenceDescription r : browsed.getReferences()) {
                names.add(r.getBrowseName().name());
            }
            assertThat(names).contains("Level", "PumpRunning", "ValvePosition", "Slot0", "Slot7");

            NodeId valve = new NodeId(ns, OpcUaMap.slot(4, "ValveCommand"));
            StatusCode written = client.writeValues(List.of(valve), List.of(new DataValue(new Variant(72.5)))).get(0);
            assertThat(written.isGood()).as(written.toString()).isTrue();
            List<DataValue> back = client.readValues(0, TimestampsToReturn.Neither,
                    List.of(valve, new NodeId(ns, OpcUaMap.slot(4, "Commands")), new NodeId(ns, OpcUaMap.value("ValveSetpoint"))));
            assertThat(back.get(0).value().value()).isEqualTo(72.5);
            assertThat(((UInteger) back.get(1).value().value()).longValue()).isEqualTo(1);
            assertThat(back.get(2).value().value()).isEqualTo(72.5);
            StatusCode readOnly = client.writeValues(List.of(new NodeId(ns, OpcUaMap.value("Level"))),
                    List.of(new DataValue(new Variant(1.0)))).get(0);
            assertThat(readOnly.isGood()).as("the level is read only").isFalse();
            assertThat(stage.commands(4)).isEqualTo(1);

            // the valve moves towards 72.5 % at 20 %/s: its position changes for about 1.6 s
            AtomicInteger changes = new AtomicInteger();
            CountDownLatch three = new CountDownLatch(3);
            OpcUaSubscription subscription = new OpcUaSubscription(client, 100.0);
            subscription.create();
            OpcUaMonitoredItem item = OpcUaMonitoredItem.newDataItem(new NodeId(ns, OpcUaMap.value("ValvePosition")));
            item.setSamplingInterval(50.0);
            item.setDataValueListener((i, v) -> {
                changes.incrementAndGet();
                three.countDown();
            });
            subscription.addMonitoredItem(item);
            subscription.synchronizeMonitoredItems();
            assertThat(three.await(10, TimeUnit.SECONDS)).as("data changes of a moving valve: " + changes.get()).isTrue();
        } finally {
            client.disconnect();
        }
    }

    private String mbpoll(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(MBPOLL.toString(), "-m", "tcp", "-a", "1", "-0", "-1", "-p",
                Integer.toString(device.modbus().port())));
        cmd.addAll(List.of(args));
        int dash = cmd.indexOf("--");
        cmd.add(dash < 0 ? cmd.size() : dash, "127.0.0.1");
        Result r = run(cmd);
        assertThat(r.exit()).as(String.join(" ", cmd) + ":\n" + r.output()).isZero();
        return r.output();
    }

    /** mbpoll prints "[N]: \tVALUE" per value read. */
    private static List<Integer> values(String output) {
        List<Integer> out = new ArrayList<>();
        for (String line : output.lines().toList()) {
            String t = line.strip();
            if (t.startsWith("[") && t.contains("]:")) {
                out.add(Integer.parseInt(t.substring(t.indexOf("]:") + 2).strip().split("\\s+")[0]));
            }
        }
        return out;
    }

    private record Result(int exit, String output) {
    }

    private static Result run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as(command + " ends").isTrue();
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
