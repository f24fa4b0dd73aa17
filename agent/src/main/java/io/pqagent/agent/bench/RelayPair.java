package io.pqagent.agent.bench;

import io.pqagent.agent.plant.LocalPlant;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A pair of third-party relays in front of the echo target, for a side-by-side comparison: stunnel4
 * (TLS 1.3 between the two) or socat (plain TCP). Started only when the program is installed.
 */
final class RelayPair implements AutoCloseable {
    private final String name;
    private final int entryPort;
    private final List<Process> processes = new ArrayList<>();

    private RelayPair(String name, int entryPort) {
        this.name = name;
        this.entryPort = entryPort;
    }

    String name() {
        return name;
    }

    int entryPort() {
        return entryPort;
    }

    /** entry → socat → socat → target, no encryption: the cost of two user-space hops. */
    static Optional<RelayPair> socat(Path dir, int targetPort) throws Exception {
        Optional<Path> socat = onPath("socat");
        if (socat.isEmpty()) {
            return Optional.empty();
        }
        RelayPair pair = new RelayPair("socat pair", LocalPlant.freePort());
        int middle = LocalPlant.freePort();
        pair.spawn(dir, "socat-2", socat.get().toString(), "TCP-LISTEN:" + middle + ",bind=127.0.0.1,reuseaddr,fork,nodelay",
                "TCP:127.0.0.1:" + targetPort + ",nodelay");
        pair.spawn(dir, "socat-1", socat.get().toString(), "TCP-LISTEN:" + pair.entryPort + ",bind=127.0.0.1,reuseaddr,fork,nodelay",
                "TCP:127.0.0.1:" + middle + ",nodelay");
        pair.awaitListening(middle);
        pair.awaitListening(pair.entryPort);
        return Optional.of(pair);
    }

    /** entry → stunnel client → TLS 1.3 → stunnel server → target. */
    static Optional<RelayPair> stunnel(Path dir, int targetPort) throws Exception {
        Optional<Path> stunnel = onPath("stunnel4").or(() -> onPath("stunnel"));
        Optional<Path> openssl = onPath("openssl");
        if (stunnel.isEmpty() || openssl.isEmpty()) {
            return Optional.empty();
        }
        Path cert = dir.resolve("stunnel-cert.pem");
        Path key = dir.resolve("stunnel-key.pem");
        run(dir, openssl.get().toString(), "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256",
                "-nodes", "-keyout", key.toString(), "-out", cert.toString(), "-days", "1", "-subj", "/CN=bench");
        RelayPair pair = new RelayPair("stunnel4 pair (TLS 1.3)", LocalPlant.freePort());
        int middle = LocalPlant.freePort();
        String common = "foreground = yes\npid =\nsyslog = no\nsocket = l:TCP_NODELAY=1\nsocket = r:TCP_NODELAY=1\n"
                + "sslVersionMin = TLSv1.3\n";
        Path server = dir.resolve("stunnel-server.conf");
        Files.writeString(server, common + "[server]\naccept = 127.0.0.1:" + middle + "\nconnect = 127.0.0.1:"
                + targetPort + "\ncert = " + cert + "\nkey = " + key + "\n");
        Path client = dir.resolve("stunnel-client.conf");
        Files.writeString(client, common + "[client]\nclient = yes\naccept = 127.0.0.1:" + pair.entryPort
                + "\nconnect = 127.0.0.1:" + middle + "\n");
        pair.spawn(dir, "stunnel-server", stunnel.get().toString(), server.toString());
        pair.spawn(dir, "stunnel-client", stunnel.get().toString(), client.toString());
        pair.awaitListening(middle);
        pair.awaitListening(pair.entryPort);
        return Optional.of(pair);
    }

    private void spawn(Path dir, String log, String... cmd) throws IOException {
        processes.add(new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve(log + ".log").toFile())
                .start());
    }

    private void awaitListening(int port) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            for (Process p : processes) {
                if (!p.isAlive()) {
                    throw new IOException(name + ": a relay exited with code " + p.exitValue());
                }
            }
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline) {
                    throw new IOException(name + ": nothing listens on port " + port + " after 10 s");
                }
                Thread.sleep(20);
            }
        }
    }

    private static void run(Path dir, String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("openssl.log").toFile())
                .start();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed; see " + dir.resolve("openssl.log"));
        }
    }

    static Optional<Path> onPath(String program) {
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            for (String prefix : List.of(d, "/usr/sbin", "/usr/bin")) {
                Path p = Path.of(prefix, program);
                if (Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() throws InterruptedException {
        for (Process p : processes) {
            p.destroy();
        }
        for (Process p : processes) {
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }
}
