package io.pqagent.agent.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pqagent.agent.config.AgentConfig;
import io.pqagent.agent.config.ConfigException;
import io.pqagent.agent.config.ConfigLoader;
import io.pqagent.agent.pqs.Builtin;
import io.pqagent.agent.pqs.PqsDiagnostics;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** The PQS built-ins answered from the running agent: the control socket's answers, as text for a terminal. */
final class PqsAgentDiagnostics implements PqsDiagnostics {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The audit tail reads at most this much of the end of the log. */
    private static final int TAIL_BYTES = 256 * 1024;
    private static final int MAX_AUDIT_LINES = 500;

    /** The agent's control commands (Agent.command). */
    interface Control {
        JsonNode call(String command, JsonNode request) throws Exception;
    }

    private final Control control;
    private final Supplier<AgentConfig> config;
    private final Supplier<String> metrics;
    private final Supplier<ObjectNode> keys;

    PqsAgentDiagnostics(Control control, Supplier<AgentConfig> config, Supplier<String> metrics, Supplier<ObjectNode> keys) {
        this.control = control;
        this.config = config;
        this.metrics = metrics;
        this.keys = keys;
    }

    @Override
    public String answer(Builtin builtin, List<String> args) throws Exception {
        return switch (builtin) {
            case STATUS -> pretty(control.call("status", JSON.createObjectNode()));
            case PEERS -> pretty(control.call("peers", JSON.createObjectNode()).path("peers"));
            case TUNNELS -> tunnels(control.call("status", JSON.createObjectNode()));
            case RATCHET -> pretty(control.call("ratchet", JSON.createObjectNode().put("peer", args.get(0))));
            case METRICS -> metrics.get();
            case AUDIT -> audit(args.isEmpty() ? 20 : count(args.get(0)));
            case CONFIG_CHECK -> configCheck();
            case KEY_EXPIRY -> pretty(keys.get());
            case HELP -> throw new IllegalStateException("help is answered by the session");
        };
    }

    private static String tunnels(JsonNode status) {
        StringBuilder b = new StringBuilder(String.format("%-20s %-12s %-22s %12s %12s%n", "PEER", "STATE", "REMOTE",
                "BYTES_IN", "BYTES_OUT"));
        for (JsonNode p : status.path("peers")) {
            b.append(String.format("%-20s %-12s %-22s %12d %12d%n", p.path("peer").asText(), p.path("state").asText(),
                    p.path("remote").asText(), p.path("bytes_in").asLong(), p.path("bytes_out").asLong()));
        }
        return b.toString();
    }

    private String audit(int lines) throws IOException {
        Optional<Path> file = config.get().log().auditLog();
        if (file.isEmpty()) {
            return "no audit log file is configured (log.audit-log)\n";
        }
        byte[] tail;
        try (RandomAccessFile f = new RandomAccessFile(file.get().toFile(), "r")) {
            long start = Math.max(0, f.length() - TAIL_BYTES);
            tail = new byte[(int) (f.length() - start)];
            f.seek(start);
            f.readFully(tail);
        }
        List<String> all = new ArrayList<>(new String(tail, StandardCharsets.UTF_8).lines().toList());
        List<String> last = all.subList(Math.max(0, all.size() - lines), all.size());
        return last.isEmpty() ? "(the audit log is empty)\n" : String.join("\n", last) + "\n";
    }

    private String configCheck() {
        Path source = config.get().source();
        try {
            ConfigLoader.load(source);
            return source + ": valid\n";
        } catch (ConfigException e) {
            return source + ": " + e.getMessage() + "\n";
        }
    }

    private static int count(String text) {
        try {
            int n = Integer.parseInt(text);
            if (n >= 1 && n <= MAX_AUDIT_LINES) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // the message below
        }
        throw new IllegalArgumentException("audit takes a line count 1.." + MAX_AUDIT_LINES + ", not '" + text + "'");
    }

    private static String pretty(JsonNode node) throws IOException {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n";
    }

}
