package io.pqagent.sim.scenario;

import io.pqagent.agent.plant.LocalPlant;
import io.pqagent.sim.device.Protocol;
import io.pqagent.sim.master.LatencyLog;
import io.pqagent.sim.master.MasterReport;
import io.pqagent.sim.master.MasterSettings;
import io.pqagent.sim.process.DeviceProcess;
import io.pqagent.sim.process.MasterProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A scenario's devices and masters, each a process of its own at its site: their ports, their start side
 * by side, their stop, and the parts that died or stopped answering (each of which breaks the run: the
 * checks it should have answered cannot be made).
 */
final class PlantParts implements AutoCloseable {
    private final SiteNetwork network;
    private final Path dir;
    private final Map<String, Map<Protocol, Integer>> devicePorts = new LinkedHashMap<>();
    private final Map<String, DeviceProcess> devices = new ConcurrentHashMap<>();
    private final Map<String, MasterProcess> masters = new ConcurrentHashMap<>();
    private final List<String> failures = new CopyOnWriteArrayList<>();

    /** @param dir where each part logs, to {@code NAME.log} */
    PlantParts(SiteNetwork network, Path dir) {
        this.network = network;
        this.dir = dir;
    }

    /** Chooses the ports of {@code stage}'s three faces, so agents can be configured before the device runs. */
    void reservePorts(Scenario.Stage stage) throws IOException {
        devicePorts.put(stage.name(), Map.of(Protocol.MODBUS, LocalPlant.freePort(), Protocol.DNP3,
                LocalPlant.freePort(), Protocol.OPCUA, LocalPlant.freePort()));
    }

    /** The port of {@code face} of {@code stage}'s device (on its site's 127.0.0.1). */
    int port(String stage, Protocol face) {
        return devicePorts.get(stage).get(face);
    }

    /** Starts {@code stage}'s device at its site, on the reserved ports, and waits until it serves. */
    void startDevice(Scenario.Stage stage) throws IOException, InterruptedException {
        Map<Protocol, Integer> ports = devicePorts.get(stage.name());
        devices.put(stage.name(), DeviceProcess.start(stage.name(), network.commandPrefix(stage.site()),
                RunOptions.partJvm(), "127.0.0.1", ports.get(Protocol.MODBUS), stage.modbusUnit(),
                ports.get(Protocol.DNP3), stage.dnp3Address(), ports.get(Protocol.OPCUA),
                dir.resolve(stage.name() + ".log")));
    }

    /** Starts a master at {@code site} with {@code settings}; its round trips go to {@code latency}. */
    void startMaster(MasterSettings settings, Scenario.Stage stage, String site, LatencyLog latency)
            throws IOException, InterruptedException {
        masters.put(settings.name(), MasterProcess.start(settings, stage.modbusUnit(), 1, stage.dnp3Address(),
                network.commandPrefix(site), RunOptions.partJvm(), latency, dir.resolve(settings.name() + ".log")));
    }

    MasterProcess master(String name) {
        return masters.get(name);
    }

    Collection<MasterProcess> masters() {
        return masters.values();
    }

    /**
     * Stops every master (side by side: a master may be waiting out a timeout) and collects the reports. A
     * master whose process died has none, and is a failure.
     */
    Map<String, MasterReport> stopMasters() throws Exception {
        Map<String, MasterReport> reports = new ConcurrentHashMap<>();
        List<Callable<Void>> stops = new ArrayList<>();
        for (MasterProcess m : masters.values()) {
            stops.add(() -> {
                try {
                    reports.put(m.settings().name(), m.stop());
                } catch (IOException e) {
                    failures.add("master " + m.settings().name() + " gave no report: " + e.getMessage());
                }
                return null;
            });
        }
        sideBySide(stops);
        return reports;
    }

    /** The commands {@code stage} applied through {@code slot}, or empty (and a failure) if its device is gone. */
    OptionalLong stageCount(String stage, int slot) throws InterruptedException {
        try {
            return OptionalLong.of(devices.get(stage).commands(slot));
        } catch (IOException e) {
            String failure = "the device of stage " + stage + " does not answer: " + e.getMessage();
            if (!failures.contains(failure)) {
                failures.add(failure);
            }
            return OptionalLong.empty();
        }
    }

    /** Parts that died or stopped answering. */
    List<String> failures() {
        return failures;
    }

    /** Runs the tasks side by side; the first failure (after all have ended) is thrown. */
    static void sideBySide(List<Callable<Void>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            Exception first = null;
            for (Future<Void> f : pool.invokeAll(tasks)) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    if (first == null) {
                        first = e.getCause() instanceof Exception x ? x : new IOException(e.getCause());
                    }
                }
            }
            if (first != null) {
                throw first;
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Ends every part still running (masters first: they talk to the devices through the agents). */
    @Override
    public void close() {
        closeAll(masters.values());
        closeAll(devices.values());
    }

    private static void closeAll(Collection<? extends AutoCloseable> parts) {
        for (AutoCloseable part : parts) {
            try {
                part.close();
            } catch (Exception ignored) {
                // closing what is left after a run; a part that is already gone is fine
            }
        }
    }
}
