package io.pqagent.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pqagent.agent.observe.ControlSocket;
import io.pqagent.agent.testing.AgentFleet;
import io.pqagent.agent.testing.Loopback;
import io.pqagent.qsmp.keys.KeyFiles;
import io.pqagent.qsmp.keys.PublicKeyRecord;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole identity rotation between two real {@code qsmp-agent run} processes: "bravo" (which listens)
 * rotates with {@code qsmp-agent keys rotate} while running, its new key is registered in the directory by
 * the authority, and with a 3 s overlap bravo retires its old identity by itself. Its tunnel with "alpha"
 * (which dials, and finds bravo's new key in the directory) comes back on the new identity and carries
 * the echo service again.
 */
class RotationProcessTest {
    @TempDir
    Path dir;

    private AgentFleet agents;
    private ServerSocket echo;
    private int servicePort;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void twoAgents() throws Exception {
        agents = new AgentFleet(dir);
        echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Loopback.serve(echo, true);
        agents.enrol("alpha");
        agents.enrol("bravo");
        servicePort = AgentFleet.freePort();
        int bravoPort = AgentFleet.freePort();
        agents.config("alpha", AgentFleet.freePort(), "peers:\n  - name: bravo\n    address: 127.0.0.1:" + bravoPort + "\n"
                + "services:\n  - name: echo\n    peer: bravo\n    local: 127.0.0.1:" + servicePort
                + "\n    target: 127.0.0.1:" + echo.getLocalPort() + "\n");
        Path bravo = agents.config("bravo", bravoPort, "peers:\n  - name: alpha\n"
                + "expose:\n  - name: echo\n    peer: alpha\n    target: 127.0.0.1:" + echo.getLocalPort() + "\n");
        Files.writeString(bravo, Files.readString(bravo).replace("  key-file: identity.key\n",
                "  key-file: identity.key\n  rotation-overlap: 3s\n"));
        agents.start("bravo", "bravo");
        agents.start("alpha", "alpha");
        agents.awaitPeer("alpha", "bravo", true);
    }

    @AfterEach
    void stop() throws Exception {
        agents.close();
        echo.close();
    }

    @Test
    void aRunningAgentRotatesAndItsPeerFollowsThroughTheDirectory() throws Exception {
        String config = dir.resolve("bravo/agent.yaml").toString();
        String old = agents.records.get("bravo").keyId().toString();
        assertThat(echoThrough("before")).isEqualTo("before");

        Path qpkey = dir.resolve("bravo-next.qpkey");
        assertThat(run("keys", "rotate", "--config", config, "--out", qpkey.toString())).as(stderr()).isZero();
        assertThat(stdout()).contains("the running agent took it in: phase PREPARED, connects with " + old);
        assertThat(bravoStatus().path("phase").asText()).isEqualTo("PREPARED");
        PublicKeyRecord next = KeyFiles.readQpkey(qpkey);

        assertThat(run("keys", "rotate", "--config", config, "--published")).as("not registered yet").isEqualTo(1);
        agents.register("bravo", next); // the authority signs it, a replica stores it and pushes it to alpha
        assertThat(run("keys", "rotate", "--config", config, "--published")).as(stderr()).isZero();
        assertThat(stdout()).contains("the running agent took it in: phase OVERLAP, connects with " + next.keyId());
        assertThat(run("keys", "show", "--config", config)).isZero();
        assertThat(stdout()).contains("key id   " + next.keyId()).contains("(from the running agent)");

        // three seconds later bravo retires the old identity by itself and its tunnel comes back on the new one
        JsonNode keys = awaitBravo(s -> s.path("phase").asText().equals("STEADY"));
        assertThat(keys.path("key_id").asText()).isEqualTo(next.keyId().toString());
        assertThat(keys.path("identities")).hasSize(1);
        assertThat(dir.resolve("bravo/identity/retired/" + old + ".qid")).isRegularFile();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (agents.peerStatus("alpha", "bravo").path("tunnels_opened").asLong() < 2) {
            assertThat(System.nanoTime()).as("alpha reconnected after the retirement").isLessThan(deadline);
            Thread.sleep(50);
        }
        agents.awaitPeer("alpha", "bravo", true);
        // bravo answers only with the new identity now, so this tunnel can only be on it
        assertThat(echoThrough("after the rotation")).isEqualTo("after the rotation");
        assertThat(Files.readString(dir.resolve("bravo/audit.jsonl"))).contains("identity_retired").contains(old);
    }

    private JsonNode bravoStatus() throws Exception {
        return ControlSocket.call(agents.socket("bravo"), ControlSocket.request("status")).path("result");
    }

    private JsonNode awaitBravo(Predicate<JsonNode> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        JsonNode last = bravoStatus();
        while (!condition.test(last)) {
            assertThat(System.nanoTime()).as("bravo: %s", last).isLessThan(deadline);
            Thread.sleep(50);
            last = bravoStatus();
        }
        return last;
    }

    private String echoThrough(String text) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", servicePort), 5_000);
                s.setSoTimeout(30_000);
                s.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
                s.shutdownOutput();
                String back = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!back.isEmpty() || System.nanoTime() > deadline) {
                    return back;
                }
            }
            Thread.sleep(200); // the service side may not have heard of the new tunnel yet
        }
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        return AgentMain.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
