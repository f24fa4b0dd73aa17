package io.pqagent.sim.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pqagent.sim.master.Dnp3Poller;
import io.pqagent.sim.master.LatencyLog;
import io.pqagent.sim.master.MasterSettings;
import io.pqagent.sim.master.ModbusMaster;
import io.pqagent.sim.master.OpcUaPoller;
import io.pqagent.sim.master.PollingMaster;
import io.pqagent.sim.plant.CommandSlots;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code qsmp-sim master}: one master as a part. It reports a {@code status} event at a fixed interval (its
 * requests, failed cycles, how long ago its last good cycle was, and the round trips measured since the
 * previous status), takes {@code probe} commands, and on {@code stop} (or the end of its standard input)
 * stops its loop and sends its {@code report}: the {@link io.pqagent.sim.master.MasterReport} as JSON.
 */
public final class MasterPart {
    private final PollingMaster master;
    private final LatencyLog latency;
    private final RunnerPipe pipe;
    private final Duration statusEvery;
    private int latencySent;
    private boolean stopped;

    /**
     * @param unit          the Modbus unit id (Modbus masters)
     * @param dnp3Master    this master's DNP3 link address, and {@code dnp3Outstation} the outstation's
     */
    public MasterPart(MasterSettings settings, int unit, int dnp3Master, int dnp3Outstation, Duration statusEvery,
            RunnerPipe pipe) {
        this.latency = new LatencyLog(settings.protocol().text());
        this.master = switch (settings.protocol()) {
            case MODBUS -> new ModbusMaster(settings, unit, latency);
            case DNP3 -> new Dnp3Poller(settings, dnp3Master, dnp3Outstation, latency);
            case OPCUA -> new OpcUaPoller(settings, latency);
        };
        this.pipe = pipe;
        this.statusEvery = statusEvery;
    }

    /** Runs the master and serves the runner's commands until {@code stop} or the end of standard input. */
    public void serve() throws IOException, InterruptedException {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "master-status");
            t.setDaemon(true);
            return t;
        });
        pipe.send(RunnerPipe.event("ready").put("name", master.settings().name()));
        master.start();
        timer.scheduleAtFixedRate(this::status, statusEvery.toMillis(), statusEvery.toMillis(), TimeUnit.MILLISECONDS);
        try {
            pipe.serve(this::handle);
        } finally {
            timer.shutdownNow();
            stop(null);
        }
    }

    private void handle(JsonNode command) {
        String cmd = command.path("cmd").asText();
        switch (cmd) {
            case "probe" -> {
                int slot = command.path("slot").asInt(-1);
                try {
                    CommandSlots.check(slot);
                    master.requestProbe(slot);
                } catch (IllegalArgumentException e) {
                    answer(command, RunnerPipe.event("error").put("message", e.getMessage()));
                }
            }
            case "stop" -> stop(command);
            default -> answer(command, RunnerPipe.event("error").put("message",
                    "unknown command " + cmd + " (a master knows: probe, stop)"));
        }
    }

    private void answer(JsonNode command, ObjectNode event) {
        if (command != null && command.has("id")) {
            event.set("id", command.get("id"));
        }
        pipe.send(event);
    }

    private synchronized void status() {
        ObjectNode s = RunnerPipe.event("status").put("requests", master.requests()).put("errors", master.errors());
        long last = master.lastSuccessNanos();
        s.put("since-success-nanos", last == 0 ? -1 : System.nanoTime() - last);
        ArrayNode rtt = s.putArray("latency-nanos");
        for (long n : latency.since(latencySent)) {
            rtt.add(n);
            latencySent++;
        }
        pipe.send(s);
    }

    /** Stops the loop once; the last status carries the last round trips, then the report follows. */
    private synchronized void stop(JsonNode command) {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            master.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        status();
        ObjectNode report = RunnerPipe.event("report");
        report.set("report", RunnerPipe.JSON.valueToTree(master.report()));
        answer(command, report);
    }
}
