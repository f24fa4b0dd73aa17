package io.pqagent.sim.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pqagent.agent.plant.SameJvmCommand;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The runner's end of a part: the process, a thread reading its events, and its log file (its standard
 * error, and any line of its standard output that is not an event). An event with an {@code id} answers
 * the {@link #request} of that id; every event also goes to the part's listener.
 */
public final class PartProcess implements AutoCloseable {
    private final String name;
    private final Process process;
    private final Path log;
    private final Writer logWriter;
    private final PrintStream commands;
    private final Consumer<JsonNode> listener;
    private final CompletableFuture<JsonNode> ready = new CompletableFuture<>();
    private final Map<Long, CompletableFuture<JsonNode>> answers = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final Thread reader;

    private PartProcess(String name, Process process, Path log, Consumer<JsonNode> listener) throws IOException {
        this.name = name;
        this.process = process;
        this.log = log;
        this.listener = listener;
        this.logWriter = Files.newBufferedWriter(log, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        this.commands = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
        this.reader = new Thread(this::read, "part-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts {@code command} with its standard error appended to {@code log}; {@code listener} sees every
     * event (on the reading thread: it must not block).
     */
    public static PartProcess start(String name, List<String> command, Path log, Consumer<JsonNode> listener)
            throws IOException {
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        return new PartProcess(name, p, log, listener);
    }

    public String name() {
        return name;
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for the part's {@code ready} event and returns it; fails if the part exits first. */
    public JsonNode awaitReady(Duration timeout) throws IOException, InterruptedException {
        return await(ready, "ready", timeout);
    }

    public void send(ObjectNode command) throws IOException {
        synchronized (commands) {
            commands.println(command.toString());
            if (commands.checkError()) {
                throw new IOException(name + " no longer takes commands (exited? see " + log + ")");
            }
        }
    }

    /** Sends {@code command} with a fresh {@code id} and waits for the event carrying that id. */
    public JsonNode request(ObjectNode command, Duration timeout) throws IOException, InterruptedException {
        long id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        answers.put(id, answer);
        try {
            send(command.put("id", id));
            return await(answer, "an answer to " + command.path("cmd").asText(), timeout);
        } finally {
            answers.remove(id);
        }
    }

    private JsonNode await(CompletableFuture<JsonNode> future, String what, Duration timeout)
            throws IOException, InterruptedException {
        try {
            JsonNode event = future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (event.path("event").asText().equals("error")) {
                throw new IOException(name + ": " + event.path("message").asText());
            }
            return event;
        } catch (TimeoutException e) {
            throw new IOException(name + ": no " + what + " within " + timeout.toSeconds() + " s; see " + log);
        } catch (ExecutionException e) {
            throw new IOException(e.getCause().getMessage(), e.getCause());
        }
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                JsonNode event = parse(line);
                if (event == null) {
                    note(line);
                    continue;
                }
                if (event.path("event").asText().equals("ready")) {
                    ready.complete(event);
                }
                CompletableFuture<JsonNode> answer = answers.get(event.path("id").asLong(-1));
                if (answer != null) {
                    answer.complete(event);
                }
                listener.accept(event);
            }
        } catch (IOException | RuntimeException e) {
            note("reading " + name + "'s events failed: " + e);
        } finally {
            IOException gone = new IOException(name + " exited" + exitText() + "; see " + log);
            ready.completeExceptionally(gone);
            answers.values().forEach(a -> a.completeExceptionally(gone));
            synchronized (logWriter) {
                try {
                    logWriter.close();
                } catch (IOException ignored) {
                    // the log is best effort once the part is gone
                }
            }
        }
    }

    private String exitText() {
        try {
            return process.waitFor(2, TimeUnit.SECONDS) ? " with code " + process.exitValue() : "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private static JsonNode parse(String line) {
        if (!line.startsWith("{")) {
            return null;
        }
        try {
            JsonNode n = RunnerPipe.JSON.readTree(line);
            return n.path("event").isTextual() ? n : null;
        } catch (IOException notAnEvent) {
            return null;
        }
    }

    private void note(String line) {
        synchronized (logWriter) {
            try {
                logWriter.write(line);
                logWriter.write(System.lineSeparator());
                logWriter.flush();
            } catch (IOException ignored) {
                // the log is best effort
            }
        }
    }

    /** Kills the part at once ({@code kill -9}). */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    /** Ends the part's standard input (its signal to stop), then waits up to 10 s before killing it. */
    @Override
    public void close() throws InterruptedException {
        synchronized (commands) {
            commands.close();
        }
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        reader.join(5_000);
    }

    /** The command line that runs {@code qsmp-sim ARGS} in a JVM like this one, after {@code prefix}. */
    public static List<String> simCommand(List<String> prefix, List<String> jvmOptions, List<String> args) {
        return SameJvmCommand.of(prefix, jvmOptions, "io.pqagent.sim.cli.SimMain", args);
    }
}
