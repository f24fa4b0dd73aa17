package io.pqagent.qsmp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.pqagent.qsmp.keys.KeyGeneration;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tool as operators run it: every {@code qsmp} a separate JVM, talking over loopback on ports chosen
 * free at test time, driven through stdin and judged by its output and exit code. No assertion on speed.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class CliEndToEndTest {
    private static final String LOOPBACK = "127.0.0.1";

    @TempDir
    Path dir;

    @Test
    void simplexServerEchoesEachClientLineAndEndOfInputQuitsCleanly() throws Exception {
        keygen("server", "--kid", "5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e");
        keygen("stale", "--random-kid", "--days", "1", "--clock-offset", Long.toString(-3 * KeyGeneration.SECONDS_PER_DAY));
        String port = freePort();
        try (CliProcess server = CliProcess.start(dir, "server", "--address", LOOPBACK, "--port", port)) {
            server.awaitErr("listening on 127.0.0.1:" + port);

            try (CliProcess client = CliProcess.start(dir, "client", "--address", LOOPBACK, "--port", port)) {
                client.awaitErr("connected: 127.0.0.1:" + port);
                client.type("hello");
                client.awaitOut("RECD: ECHO: hello");
                server.awaitOut("RECD: hello");
                client.type("second line, ünïcode");
                client.awaitOut("RECD: ECHO: second line, ünïcode");
                client.type("qsmp asymmetric ratchet");
                client.awaitErr("ratchets exist only in Duplex sessions");
                client.type("still here");
                client.awaitOut("RECD: ECHO: still here");
                server.type("to every client");
                client.awaitOut("RECD: to every client");
                client.closeStdin();
                assertThat(client.awaitExit()).as(client.transcript()).isZero();
                assertThat(client.outLines()).doesNotContain("RECD: ECHO: qsmp asymmetric ratchet");
            }
            server.awaitErr("disconnected: 127.0.0.1:");

            try (CliProcess scripted = CliProcess.run(dir, "client", "--address", LOOPBACK, "--port", port,
                    "--count", "5", "--size", "12")) {
                assertThat(scripted.awaitExit()).as(scripted.transcript()).isZero();
                assertThat(scripted.outLines()).singleElement().asString().startsWith("messages=5 bytes=60 ");
            }

            try (CliProcess expired = CliProcess.run(dir, "client", "--address", LOOPBACK, "--port", port,
                    "--peer", "stale_public_key.qpkey")) {
                assertFailsWithOneLine(expired, 1, "qsmp client: key_expired: ");
            }

            server.type("qsmp quit");
            assertThat(server.awaitExit()).as(server.transcript()).isZero();
        }
    }

    @Test
    void duplexListenerAndSenderTalkBothWaysAcrossBothRatchets() throws Exception {
        keygen("listener", "--random-kid");
        keygen("sender", "--random-kid");
        String port = freePort();
        try (CliProcess listener = CliProcess.start(dir, "listen", "--address", LOOPBACK, "--port", port,
                "--mac", "qmac", "--keepalive-interval", "1");
                CliProcess sender = startAfter(listener, "listening on 127.0.0.1:" + port,
                        "send", "--address", LOOPBACK, "--port", port, "--mac", "qmac")) {
            sender.awaitErr("connected: 127.0.0.1:" + port);
            listener.awaitErr("connected: 127.0.0.1:");

            exchange(sender, listener, "hello listener", "hello sender");
            sender.type("qsmp symmetric ratchet");
            sender.awaitErrLine("symmetric ratchet done", 1);
            exchange(sender, listener, "after the symmetric ratchet", "answer after the symmetric ratchet");
            sender.type("qsmp asymmetric ratchet");
            sender.awaitErrLine("asymmetric ratchet done", 1);
            exchange(sender, listener, "after the asymmetric ratchet", "answer after the asymmetric ratchet");
            // ratchets with messages right behind them, both ways: none may be lost (profile rule 6)
            sender.type("qsmp asymmetric ratchet");
            sender.type("in flight 1");
            listener.type("in flight 2");
            listener.awaitOut("RECD: in flight 1");
            sender.awaitOut("RECD: in flight 2");
            sender.awaitErrLine("asymmetric ratchet done", 2);
            sender.type("qsmp symmetric ratchet");
            sender.type("in flight 3");
            listener.type("in flight 4");
            listener.awaitOut("RECD: in flight 3");
            sender.awaitOut("RECD: in flight 4");
            sender.awaitErrLine("symmetric ratchet done", 2);

            sender.type("qsmp quit");
            assertThat(sender.awaitExit()).as(sender.transcript()).isZero();
            assertFailsWithOneLine(listener, 3, "qsmp listen: peer closed the session");
            assertThat(listener.outLines()).containsExactly("RECD: hello listener", "RECD: after the symmetric ratchet",
                    "RECD: after the asymmetric ratchet", "RECD: in flight 1", "RECD: in flight 3");
        }
    }

    @Test
    void aSenderHoldingAnotherListenersKeyIsRefusedWithKeyUnrecognized() throws Exception {
        keygen("listener", "--random-kid");
        keygen("sender", "--random-kid");
        keygen("other_listener", "--random-kid");
        String port = freePort();
        try (CliProcess listener = CliProcess.start(dir, "listen", "--address", LOOPBACK, "--port", port)) {
            listener.awaitErr("listening on 127.0.0.1:" + port);
            // the key id the sender presents is that of some other listener: not a key this listener knows
            try (CliProcess sender = CliProcess.run(dir, "send", "--address", LOOPBACK, "--port", port,
                    "--peer", "other_listener_public_key.qpkey")) {
                listener.awaitErr("handshake failed with 127.0.0.1:");
                assertThat(listener.errLines()).last().asString().endsWith(
                        ": key_unrecognized: The key identity is unrecognized (no verification key known for this caller)");
                assertFailsWithOneLine(sender, 1, "qsmp send: key_unrecognized: The key identity is unrecognized");
            }
        }
    }

    @Test
    void aSenderTheListenerDoesNotKnowIsRefusedAndTheListenerListensOn() throws Exception {
        keygen("listener", "--random-kid");
        keygen("sender", "--random-kid");
        keygen("stranger", "--random-kid");
        String port = freePort();
        try (CliProcess listener = CliProcess.start(dir, "listen", "--address", LOOPBACK, "--port", port)) {
            listener.awaitErr("listening on 127.0.0.1:" + port);
            // the stranger's key is not among the listener's peers: no candidate verifies its signature
            try (CliProcess stranger = CliProcess.run(dir, "send", "--address", LOOPBACK, "--port", port,
                    "--key", "stranger_secret_key.qskey")) {
                listener.awaitErr("handshake failed with 127.0.0.1:");
                assertThat(listener.errLines()).last().asString().contains(": authentication_failure: ");
                assertFailsWithOneLine(stranger, 1, "qsmp send: authentication_failure: ");
            }

            try (CliProcess sender = CliProcess.start(dir, "send", "--address", LOOPBACK, "--port", port)) {
                sender.awaitErr("connected: 127.0.0.1:" + port);
                sender.type("finally");
                listener.awaitOut("RECD: finally");
                listener.closeStdin();
                assertThat(listener.awaitExit()).as(listener.transcript()).isZero();
                assertFailsWithOneLine(sender, 3, "qsmp send: peer closed the session");
            }
        }
    }

    @Test
    void aScriptedSendAgainstAnEchoingListenerPrintsItsFigures() throws Exception {
        keygen("listener", "--random-kid");
        keygen("sender", "--random-kid");
        String port = freePort();
        try (CliProcess listener = CliProcess.start(dir, "listen", "--address", LOOPBACK, "--port", port, "--echo");
                CliProcess sender = startAfter(listener, "listening on", "send", "--address", LOOPBACK, "--port",
                        port, "--count", "20", "--size", "1024")) {
            sender.closeStdin();
            assertThat(sender.awaitExit()).as(sender.transcript()).isZero();
            assertThat(sender.outLines()).singleElement().asString().matches("messages=20 bytes=20480"
                    + " elapsed=\\d+\\.\\d{3}s throughput=\\d+\\.\\d{3}MB/s rtt_p50=\\d+\\.\\d{3}ms rtt_p99=\\d+\\.\\d{3}ms");
            assertFailsWithOneLine(listener, 3, "qsmp listen: peer closed the session");
            assertThat(listener.outLines()).hasSize(20).allMatch(l -> l.startsWith("RECD: "));
        }
    }

    @Test
    void nobodyListeningIsAOneLineFailure() throws Exception {
        keygen("server", "--random-kid");
        try (CliProcess client = CliProcess.run(dir, "client", "--address", LOOPBACK, "--port", freePort())) {
            assertFailsWithOneLine(client, 1, "qsmp client: cannot connect to ");
        }
    }

    private void keygen(String name, String... options) throws Exception {
        String[] args = new String[options.length + 5];
        args[0] = "keygen";
        args[1] = "--name";
        args[2] = name;
        args[3] = "--out";
        args[4] = dir.toString();
        System.arraycopy(options, 0, args, 5, options.length);
        try (CliProcess keygen = CliProcess.run(dir, args)) {
            assertThat(keygen.awaitExit()).as(keygen.transcript()).isZero();
        }
    }

    /** Starts the second process once the first has said it is ready; kills the first if that fails. */
    private CliProcess startAfter(CliProcess first, String ready, String... args) throws Exception {
        try {
            first.awaitErr(ready);
            return CliProcess.start(dir, args);
        } catch (Exception | AssertionError e) {
            first.close();
            throw e;
        }
    }

    private static void exchange(CliProcess sender, CliProcess listener, String toListener, String toSender)
            throws Exception {
        sender.type(toListener);
        listener.awaitOut("RECD: " + toListener);
        listener.type(toSender);
        sender.awaitOut("RECD: " + toSender);
    }

    private static void assertFailsWithOneLine(CliProcess p, int exitCode, String prefix) throws Exception {
        assertThat(p.awaitExit()).as(p.transcript()).isEqualTo(exitCode);
        assertThat(p.errLines()).as(p.transcript()).last().asString().startsWith(prefix);
        assertThat(p.errLines().stream().filter(l -> l.startsWith("qsmp ")).count()).as(p.transcript()).isEqualTo(1);
    }

    /** A port nobody listens on right now (the kernel's choice, released at once). */
    private static String freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            return Integer.toString(s.getLocalPort());
        }
    }
}
