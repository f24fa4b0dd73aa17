package io.pqagent.sim.process;

import com.fasterxml.jackson.databind.JsonNode;
import io.pqagent.sim.device.Protocol;
import io.pqagent.sim.plant.CommandSlots;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The runner's handle on a stage's device running as {@code qsmp-sim device --control}. */
public final class DeviceProcess implements AutoCloseable {
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);
    private final PartProcess part;
    private final String host;
    private final Map<Protocol, Integer> ports = new EnumMap<>(Protocol.class);

    private DeviceProcess(PartProcess part, String host, JsonNode ready) throws IOException {
        this.part = part;
        this.host = host;
        for (Protocol p : Protocol.values()) {
            int port = ready.path(p.text()).asInt(-1);
            if (port <= 0) {
                throw new IOException(part.name() + " announced no " + p.text() + " port: " + ready);
            }
            ports.put(p, port);
        }
    }

    /**
     * Starts the device of stage {@code name} on {@code host} (inside the namespace {@code prefix} enters, if
     * any), logging to {@code log}, and waits until it serves.
     */
    public static DeviceProcess start(String name, List<String> prefix, List<String> jvm, String host, int modbusPort,
            int modbusUnit, int dnp3Port, int dnp3Address, int opcuaPort, Path log) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("device", "--control", "--host", host,
                "--modbus-port", Integer.toString(modbusPort), "--unit", Integer.toString(modbusUnit),
                "--dnp3-port", Integer.toString(dnp3Port), "--dnp3-address", Integer.toString(dnp3Address),
                "--opcua-port", Integer.toString(opcuaPort)));
        PartProcess part = PartProcess.start("device " + name, PartProcess.simCommand(prefix, jvm, args), log, e -> { });
        try {
            return new DeviceProcess(part, host, part.awaitReady(Duration.ofSeconds(60)));
        } catch (IOException | RuntimeException e) {
            part.close();
            throw e;
        }
    }

    public String host() {
        return host;
    }

    public int port(Protocol face) {
        return ports.get(face);
    }

    /** The commands the stage applied through {@code slot}, asked of the device process. */
    public long commands(int slot) throws IOException, InterruptedException {
        CommandSlots.check(slot);
        JsonNode counts = part.request(RunnerPipe.command("counts"), ANSWER_TIMEOUT);
        return counts.path("slots").path(slot).asLong(-1);
    }

    /** The pipe to the device, for commands this class has no method for. */
    PartProcess part() {
        return part;
    }

    public boolean isAlive() {
        return part.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        part.close();
    }
}
