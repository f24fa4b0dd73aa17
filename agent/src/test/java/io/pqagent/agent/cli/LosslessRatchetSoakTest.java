package io.pqagent.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pqagent.agent.testing.AgentFleet;
import io.pqagent.agent.testing.Loopback;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The soak run of the lossless-ratchet proof (the short run is in {@link AgentProcessTest}): two real
 * agents, symmetric and asymmetric ratchets every second, and traffic both ways for
 * {@code -Dsoak.seconds} (60 by default) through two echo streams, one opened from each side. Every
 * byte must come back in order, the tunnel must never drop (a rejected packet closes it, profile rule 8)
 * and no handshake may fail. Prints the figures. Not in the default build: {@code -Psoak} (docs/agent.md).
 */
@Tag("soak")
class LosslessRatchetSoakTest {
    private static final int CHUNK = 64 * 1024;

    @TempDir
    Path dir;

    private AgentFleet agents;
    private ServerSocket echo;

    @AfterEach
    void stop() throws Exception {
        if (agents != null) {
            agents.close();
        }
        for (String name : new String[] {"alpha", "bravo"}) {
            Path log = dir.resolve(name + ".log");
            if (Files.exists(log)) {
                // the agents' own words on what went wrong, if anything did (warnings and errors only)
                try (var lines = Files.lines(log)) {
                    lines.filter(l -> !l.contains(" INFO ") && !l.contains(" DEBUG ")).limit(30)
                            .forEach(l -> System.out.println("soak " + name + " log: " + l));
                }
            }
        }
        if (echo != null) {
            echo.close();
        }
    }

    /** What one stream carried: bytes written, bytes echoed intact, and where the echo first differed. */
    private record Carried(String name, long written, long echoed, long firstMismatch, double seconds) {
    }

    @Test
    void ratchetsEverySecondUnderTrafficBothWaysLoseNothing() throws Exception {
        long seconds = Long.getLong("soak.seconds", 60);
        agents = new AgentFleet(dir);
        echo = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        Loopback.serve(echo, true);
        agents.enrol("alpha");
        agents.enrol("bravo");
        int bravoPort = AgentFleet.freePort();
        int alphaToBravo = AgentFleet.freePort();
        int bravoToAlpha = AgentFleet.freePort();
        String ratchets = "    ratchet: {symmetric-after: 1s, asymmetric-every: 1s}\n";
        String target = "127.0.0.1:" + echo.getLocalPort();
        agents.config("alpha", AgentFleet.freePort(), "peers:\n  - name: bravo\n    address: 127.0.0.1:" + bravoPort
                + "\n" + ratchets
                + "services:\n  - name: echo\n    peer: bravo\n    local: 127.0.0.1:" + alphaToBravo
                + "\n    target: " + target + "\n"
                + "expose:\n  - name: echo-in\n    peer: bravo\n    target: " + target + "\n");
        agents.config("bravo", bravoPort, "peers:\n  - name: alpha\n" + ratchets
                + "services:\n  - name: echo\n    peer: alpha\n    local: 127.0.0.1:" + bravoToAlpha
                + "\n    target: " + target + "\n"
                + "expose:\n  - name: echo-in\n    peer: alpha\n    target: " + target + "\n");
        agents.start("bravo", "bravo");
        agents.start("alpha", "alpha");
        agents.awaitPeer("alpha", "bravo", true);
        agents.awaitPeer("bravo", "alpha", true);
        JsonNode before = agents.peerStatus("alpha", "bravo");

        ExecutorService threads = Executors.newFixedThreadPool(4);
        Future<Carried> dialerSide = threads.submit(echoFor("alpha->bravo", alphaToBravo, 1, seconds, threads));
        Future<Carried> listenerSide = threads.submit(echoFor("bravo->alpha", bravoToAlpha, 2, seconds, threads));
        Carried a = dialerSide.get(seconds + 120, TimeUnit.SECONDS);
        Carried b = listenerSide.get(seconds + 120, TimeUnit.SECONDS);
        threads.shutdownNow();

        JsonNode alpha = agents.peerStatus("alpha", "bravo");
        JsonNode bravo = agents.peerStatus("bravo", "alpha");
        long ratchetsDone = alpha.path("ratchets").asLong() - before.path("ratchets").asLong();
        long ratchetFailures = lines(dir.resolve("alpha.log"), "ratchet failed");
        long auditEvents = lines(dir.resolve("alpha").resolve("audit.jsonl"), "\"event\"")
                + lines(dir.resolve("bravo").resolve("audit.jsonl"), "\"event\"");
        for (Carried c : new Carried[] {a, b}) {
            System.out.printf("soak %s: %,d bytes written, %,d echoed intact in order (%.1f MB/s each way over"
                    + " %.0f s)%n", c.name, c.written, c.echoed, c.echoed / c.seconds / 1e6, c.seconds);
        }
        System.out.printf("soak tunnel: alpha sent %,d bytes, received %,d; bravo sent %,d, received %,d%n",
                alpha.path("bytes_out").asLong(), alpha.path("bytes_in").asLong(), bravo.path("bytes_out").asLong(),
                bravo.path("bytes_in").asLong());
        // both timers tick every second and one ratchet runs at a time: a tick that finds one running waits
        System.out.printf("soak ratchets: %d completed in %d s (symmetric and asymmetric), %d failed;"
                + " tunnels opened %d/%d, handshake failures %d/%d, audit events %d%n", ratchetsDone, seconds,
                ratchetFailures, alpha.path("tunnels_opened").asLong(),
                bravo.path("tunnels_opened").asLong(), alpha.path("handshake_failures").asLong(),
                bravo.path("handshake_failures").asLong(), auditEvents);

        for (Carried c : new Carried[] {a, b}) {
            assertThat(c.firstMismatch).as(c.name + ": first byte that came back wrong").isEqualTo(-1);
            assertThat(c.echoed).as(c.name + ": every byte came back").isEqualTo(c.written);
            assertThat(c.written).as(c.name + ": traffic flowed").isPositive();
        }
        // a packet either side rejected would have closed the tunnel (profile rule 8): it never dropped
        assertThat(alpha.path("tunnels_opened").asLong()).isEqualTo(1);
        assertThat(bravo.path("tunnels_opened").asLong()).isEqualTo(1);
        assertThat(alpha.path("state").asText()).isEqualTo("up");
        assertThat(alpha.path("handshake_failures").asLong() + bravo.path("handshake_failures").asLong()).isZero();
        assertThat(ratchetsDone).as("ratchets kept firing").isGreaterThanOrEqualTo(seconds / 2);
    }

    /**
     * Writes a position-keyed byte stream into the service for {@code seconds}, half-closes, and checks
     * what the echo returns against the same positions as it arrives.
     */
    private static Callable<Carried> echoFor(String name, int port, long seed, long seconds, ExecutorService threads) {
        return () -> {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
                s.setSoTimeout(60_000);
                long start = System.nanoTime();
                long end = start + TimeUnit.SECONDS.toNanos(seconds);
                Future<Long> writer = threads.submit(() -> {
                    OutputStream out = s.getOutputStream();
                    byte[] chunk = new byte[CHUNK];
                    long position = 0;
                    while (System.nanoTime() < end) {
                        for (int i = 0; i < CHUNK; i++) {
                            chunk[i] = byteAt(seed, position + i);
                        }
                        out.write(chunk);
                        position += CHUNK;
                    }
                    s.shutdownOutput();
                    return position;
                });
                InputStream in = s.getInputStream();
                byte[] buf = new byte[CHUNK];
                long position = 0;
                long mismatch = -1;
                for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                    for (int i = 0; i < n && mismatch < 0; i++) {
                        if (buf[i] != byteAt(seed, position + i)) {
                            mismatch = position + i;
                        }
                    }
                    position += n;
                }
                double took = (System.nanoTime() - start) / 1e9;
                return new Carried(name, writer.get(30, TimeUnit.SECONDS), position, mismatch, took);
            }
        };
    }

    /** Byte {@code position} of stream {@code seed}: splitmix64 of the 8-byte word, so any chunking agrees. */
    private static byte byteAt(long seed, long position) {
        long z = seed * 0x9E3779B97F4A7C15L + (position >>> 3) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        return (byte) (z >>> ((position & 7) * 8));
    }

    private static long lines(Path file, String containing) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        try (var lines = Files.lines(file)) {
            return lines.filter(l -> l.contains(containing)).count();
        }
    }
}
