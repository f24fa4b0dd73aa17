package io.pqagent.agent.observe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running agent's local control channel: a Unix domain socket, owner-only (mode 0600 in a
 * directory nobody else may enter), one JSON request line in, one JSON answer line out. Only the
 * agent's own user (and root) can connect; there is no network exposure at all.
 */
public final class ControlSocket implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ControlSocket.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_REQUEST = 64 * 1024;

    /** What the agent answers; each method returns the JSON answer or throws with a one-line reason. */
    public interface Commands {
        JsonNode handle(String command, JsonNode request) throws Exception;
    }

    private final Path path;
    private final ServerSocketChannel server;
    private final Thread acceptor;

    private ControlSocket(Path path, ServerSocketChannel server, Commands commands) {
        this.path = path;
        this.server = server;
        this.acceptor = new Thread(() -> acceptLoop(commands), "control-socket");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public static ControlSocket open(Path path, Commands commands) throws IOException {
        Path dir = path.toAbsolutePath().getParent();
        Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Set<PosixFilePermission> dirMode = Files.getPosixFilePermissions(dir);
        if (dirMode.contains(PosixFilePermission.OTHERS_WRITE) || dirMode.contains(PosixFilePermission.GROUP_WRITE)) {
            throw new IOException("control socket directory " + dir + " is writable by others ("
                    + PosixFilePermissions.toString(dirMode) + "); refusing to create the socket there");
        }
        Files.deleteIfExists(path); // a stale socket of a previous run
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(path));
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        return new ControlSocket(path, server, commands);
    }

    private void acceptLoop(Commands commands) {
        while (server.isOpen()) {
            try {
                SocketChannel client = server.accept();
                Thread t = new Thread(() -> serve(client, commands), "control-client");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                if (server.isOpen()) {
                    LOG.warn("control socket accept failed: {}", e.getMessage());
                }
            }
        }
    }

    private static void serve(SocketChannel client, Commands commands) {
        try (client; BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(client),
                StandardCharsets.UTF_8)); OutputStream out = Channels.newOutputStream(client)) {
            String line = readLine(in);
            ObjectNode answer = JSON.createObjectNode();
            try {
                JsonNode request = JSON.readTree(line);
                String command = request.path("command").asText("");
                answer.put("ok", true);
                answer.set("result", commands.handle(command, request));
            } catch (Exception e) {
                answer.removeAll();
                answer.put("ok", false);
                answer.put("error", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            }
            out.write((JSON.writeValueAsString(answer) + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            LOG.debug("control client went away: {}", e.getMessage());
        }
    }

    private static String readLine(BufferedReader in) throws IOException {
        StringBuilder b = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            if (b.length() >= MAX_REQUEST) {
                throw new IOException("control request longer than " + MAX_REQUEST + " characters");
            }
            b.append((char) c);
        }
        return b.toString();
    }

    /** Sends one request to a running agent and returns its answer ({@code ok}, {@code result} or {@code error}). */
    public static JsonNode call(Path path, ObjectNode request) throws IOException {
        try (SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(path));
                BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(ch),
                        StandardCharsets.UTF_8))) {
            OutputStream out = Channels.newOutputStream(ch);
            out.write((JSON.writeValueAsString(request) + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            String line = in.readLine();
            if (line == null) {
                throw new IOException("the agent closed the control socket without answering");
            }
            return JSON.readTree(line);
        }
    }

    public static ObjectNode request(String command) {
        return JSON.createObjectNode().put("command", command);
    }

    @Override
    public void close() {
        try {
            server.close();
            Files.deleteIfExists(path);
        } catch (IOException e) {
            LOG.warn("closing the control socket: {}", e.getMessage());
        }
    }
}
