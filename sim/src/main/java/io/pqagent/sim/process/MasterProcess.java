package io.pqagent.sim.process;

import com.fasterxml.jackson.databind.JsonNode;
import io.pqagent.sim.master.LatencyLog;
import io.pqagent.sim.master.MasterReport;
import io.pqagent.sim.master.MasterSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The runner's handle on a master running as {@code qsmp-sim master}: its latest status, its round trips
 * added to the runner's {@link LatencyLog} as they arrive, and its report once stopped.
 */
public final class MasterProcess implements AutoCloseable {
    /** How often a master part reports: the resolution of the runner's view of its last good cycle. */
    public static final Duration STATUS_EVERY = Duration.ofMillis(200);

    private final MasterSettings settings;
    private final LatencyLog latency;
    private PartProcess part;
    private volatile long requests;
    private volatile long errors;
    private volatile long lastSuccessNanos;
    private volatile MasterReport report;

    private MasterProcess(MasterSettings settings, LatencyLog latency) {
        this.settings = settings;
        this.latency = latency;
    }

    /**
     * Starts the master (inside the namespace {@code prefix} enters, if any), logging to {@code log}, and
     * waits until it runs. Its round trips go into {@code latency}.
     */
    public static MasterProcess start(MasterSettings settings, int unit, int dnp3Master, int dnp3Outstation,
            List<String> prefix, List<String> jvm, LatencyLog latency, Path log) throws IOException, InterruptedException {
        MasterProcess m = new MasterProcess(settings, latency);
        List<String> args = new ArrayList<>(List.of("master", "--name", settings.name(),
                "--protocol", settings.protocol().text(),
                "--target", settings.target().getHostString() + ":" + settings.target().getPort(),
                "--slot", Integer.toString(settings.slot()),
                "--rate", String.format(Locale.ROOT, "%s", settings.ratePerSecond()),
                "--write-every", Integer.toString(settings.writeEvery()),
                "--timeout", settings.timeoutMillis() + "ms",
                "--unit", Integer.toString(unit), "--dnp3-master", Integer.toString(dnp3Master),
                "--dnp3-outstation", Integer.toString(dnp3Outstation),
                "--status-every", STATUS_EVERY.toMillis() + "ms"));
        m.part = PartProcess.start("master " + settings.name(), PartProcess.simCommand(prefix, jvm, args), log, m::onEvent);
        try {
            m.part.awaitReady(Duration.ofSeconds(60));
        } catch (IOException | RuntimeException e) {
            m.part.close();
            throw e;
        }
        return m;
    }

    private void onEvent(JsonNode event) {
        if (!event.path("event").asText().equals("status")) {
            return;
        }
        long received = System.nanoTime();
        requests = event.path("requests").asLong();
        errors = event.path("errors").asLong();
        long since = event.path("since-success-nanos").asLong(-1);
        if (since >= 0) {
            lastSuccessNanos = Math.max(lastSuccessNanos, received - since);
        }
        for (JsonNode n : event.path("latency-nanos")) {
            latency.add(n.asLong());
        }
    }

    public MasterSettings settings() {
        return settings;
    }

    /** Asks the master to send one probe through {@code slot} in its next cycle. */
    public void requestProbe(int slot) throws IOException {
        part.send(RunnerPipe.command("probe").put("slot", slot));
    }

    /** When its last good cycle was, as far as its latest status tells ({@link System#nanoTime()}), 0 before the first. */
    public long lastSuccessNanos() {
        return lastSuccessNanos;
    }

    public long requests() {
        return requests;
    }

    public long errors() {
        return errors;
    }

    /** Stops the master's loop and fetches its report (once; later calls return the same report). */
    public synchronized MasterReport stop() throws IOException, InterruptedException {
        if (report == null) {
            JsonNode answer = part.request(RunnerPipe.command("stop"), Duration.ofSeconds(30));
            report = RunnerPipe.JSON.treeToValue(answer.path("report"), MasterReport.class);
        }
        return report;
    }

    @Override
    public void close() throws InterruptedException {
        part.close();
    }
}
