package io.pqagent.sim.process;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * A part's end of the pipe to the runner: events out as JSON lines on standard output, commands in as JSON
 * lines on standard input. Whatever else reaches standard output (a library's warning) is not JSON, and the
 * runner files it in the part's log.
 */
public final class RunnerPipe {
    static final ObjectMapper JSON = new ObjectMapper();

    private final PrintStream out;
    private final InputStream in;

    public RunnerPipe(PrintStream out, InputStream in) {
        this.out = out;
        this.in = in;
    }

    /** A new event named {@code name}, to fill and {@link #send}. */
    public static ObjectNode event(String name) {
        return JSON.createObjectNode().put("event", name);
    }

    /** A new command named {@code cmd}, for the runner to send to a part. */
    public static ObjectNode command(String cmd) {
        return JSON.createObjectNode().put("cmd", cmd);
    }

    public void send(JsonNode event) {
        String line = event.toString();
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }

    /**
     * Hands every command to {@code handler} until standard input ends. A line that is not a JSON object is
     * answered with an {@code error} event and otherwise ignored.
     */
    public void serve(Consumer<JsonNode> handler) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode command;
            try {
                command = JSON.readTree(line);
            } catch (JsonProcessingException e) {
                send(event("error").put("message", "not a JSON command: " + e.getOriginalMessage()));
                continue;
            }
            if (!command.isObject() || !command.path("cmd").isTextual()) {
                send(event("error").put("message", "a command is a JSON object with a \"cmd\" text"));
                continue;
            }
            handler.accept(command);
        }
    }
}
