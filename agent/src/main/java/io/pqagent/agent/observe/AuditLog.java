package io.pqagent.agent.observe;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Map;

/**
 * Security events as JSON lines (one object per line, appended, owner-only file): handshake failures
 * with address and code, expiry warnings, revocations, and later policy denials. Each line is written
 * and flushed whole, so a reader never sees half an event; values are passed as data, never
 * concatenated into the line, so a hostile peer name cannot forge a second event.
 */
public final class AuditLog implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OutputStream out;
    private final Clock clock;

    private AuditLog(OutputStream out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    public static AuditLog open(Path file, Clock clock) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (!Files.exists(file)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        return new AuditLog(Files.newOutputStream(file, StandardOpenOption.APPEND, StandardOpenOption.WRITE), clock);
    }

    /** For tests and for running without a file: events go to {@code out}. */
    public static AuditLog to(OutputStream out, Clock clock) {
        return new AuditLog(out, clock);
    }

    /** Appends one event: {@code {"time": ..., "event": ..., fields...}}. */
    public void record(String event, Map<String, ?> fields) {
        ObjectNode node = JSON.createObjectNode();
        node.put("time", clock.instant().toString());
        node.put("event", event);
        for (Map.Entry<String, ?> e : fields.entrySet()) {
            node.putPOJO(e.getKey(), e.getValue());
        }
        byte[] line;
        try {
            line = (JSON.writeValueAsString(node) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("audit fields must be plain values", e);
        }
        synchronized (this) {
            try {
                out.write(line);
                out.flush();
            } catch (IOException e) {
                // the audit trail is not allowed to stop the agent; the journal still has the log line
                org.slf4j.LoggerFactory.getLogger(AuditLog.class).error("cannot write the audit log: {}", e.getMessage());
            }
        }
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            // nothing left to do
        }
    }
}
