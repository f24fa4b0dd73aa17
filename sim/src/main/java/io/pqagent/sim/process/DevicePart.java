package io.pqagent.sim.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pqagent.sim.device.Protocol;
import io.pqagent.sim.device.StageDevice;
import io.pqagent.sim.plant.CommandSlots;
import io.pqagent.sim.plant.StageSnapshot;
import java.io.IOException;

/**
 * {@code qsmp-sim device --control}: a stage's device as a part. It announces its ports in {@code ready},
 * answers {@code counts} with the commands applied through every slot (the final word on lost and
 * duplicated writes, read from the stage itself rather than through any face), and stops when its
 * standard input ends.
 */
public final class DevicePart {
    private final StageDevice device;
    private final RunnerPipe pipe;

    public DevicePart(StageDevice device, RunnerPipe pipe) {
        this.device = device;
        this.pipe = pipe;
    }

    /** Announces the device and serves the runner's commands until its standard input ends. */
    public void serve() throws IOException {
        ObjectNode ready = RunnerPipe.event("ready");
        for (Protocol p : Protocol.values()) {
            ready.put(p.text(), device.port(p));
        }
        pipe.send(ready);
        pipe.serve(this::handle);
    }

    private void handle(JsonNode command) {
        String cmd = command.path("cmd").asText();
        ObjectNode answer;
        if (cmd.equals("counts")) {
            answer = RunnerPipe.event("counts");
            ArrayNode slots = answer.putArray("slots");
            for (int slot = 0; slot < CommandSlots.COUNT; slot++) {
                slots.add(device.stage().commands(slot));
            }
            StageSnapshot s = device.stage().snapshot();
            answer.put("level", s.levelM());
        } else {
            answer = RunnerPipe.event("error").put("message", "unknown command " + cmd + " (a device knows: counts)");
        }
        if (command.has("id")) {
            answer.set("id", command.get("id"));
        }
        pipe.send(answer);
    }
}
