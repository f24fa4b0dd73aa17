package io.pqagent.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pqagent.agent.observe.ControlSocket;
import io.pqagent.directory.client.DirectoryClient;
import io.pqagent.directory.client.ReplicaEndpoint;
import io.pqagent.directory.record.AuthorityKey;
import io.pqagent.directory.record.AuthorityKeyFile;
import io.pqagent.directory.record.DirectoryRecord;
import io.pqagent.directory.record.RecordAuthority;
import io.pqagent.directory.replica.DirectoryReplica;
import io.pqagent.directory.replica.SubmissionCheck;
import io.pqagent.directory.store.SqliteRecordStore;
import io.pqagent.keystore.IdentityPolicy;
import io.pqagent.keystore.IdentityStore;
import io.pqagent.keystore.Unlock;
import io.pqagent.qsmp.crypto.EntropySource;
import io.pqagent.qsmp.crypto.ParameterSet;
import io.pqagent.qsmp.crypto.SigningKeyPair;
import io.pqagent.qsmp.handshake.HandshakeContext;
import io.pqagent.qsmp.keys.KeyFiles;
import io.pqagent.qsmp.keys.KeyGeneration;
import io.pqagent.qsmp.keys.KeyId;
import io.pqagent.qsmp.keys.PublicKeyRecord;
import io.pqagent.qsmp.keys.SigningKeyRecord;
import io.pqagent.qsmp.transport.QsmpNetwork;
import io.pqagent.qsmp.transport.TransportSettings;
import io.pqagent.qsmp.wire.Clock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real {@code qsmp-agent run} processes and a directory replica: the tunnel comes up from the
 * directory's records alone, a TCP service carries bytes through it, and after {@code kill -9} of one
 * agent and a restart the tunnel comes back with no manual step. Also: a bad configuration gives exit
 * code 2 and one line naming the setting.
 */
class AgentProcessTest {
    private static final ParameterSet SET = ParameterSet.DILITHIUM_S1_KYBER_S1;

    @TempDir
    Path dir;

    private final EntropySource entropy = EntropySource.system();

    @Test
    void twoAgentProcessesTunnelCarryAServiceAndRecoverFromKillNine() throws Exception {
        SigningKeyPair pair = RecordAuthority.generate(entropy);
        try (RecordAuthority authority = new RecordAuthority(new AuthorityKey(pair.verificationKey()), pair.signingKey());
                QsmpNetwork network = QsmpNetwork.create();
                SigningKeyRecord replicaKey = KeyGeneration.generate(SET, KeyId.random(entropy), 2_000_000_000L, entropy);
                ServerSocket echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            pair.signingKey().close();
            Thread echoThread = new Thread(() -> echoLoop(echo), "echo");
            echoThread.setDaemon(true);
            echoThread.start();
            Path authorityPub = dir.resolve("authority.pub");
            AuthorityKeyFile.write(authorityPub, authority.publicKey());
            Path replicaPub = dir.resolve("replica.qpkey");
            KeyFiles.writeQpkey(replicaPub, replicaKey.publicRecord());
            try (DirectoryReplica replica = DirectoryReplica.start(network, HandshakeContext.defaults(SET), replicaKey,
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), TransportSettings.DEFAULTS,
                    SqliteRecordStore.open(dir.resolve("records.db")),
                    new SubmissionCheck(authority.publicKey(), Set.of(SET.config()), Clock.system(0)), 2);
                    DirectoryClient operator = new DirectoryClient(network, HandshakeContext.defaults(SET),
                            List.of(new ReplicaEndpoint(replica.localAddress(), replicaKey.publicRecord())),
                            authority.publicKey(), TransportSettings.DEFAULTS, Duration.ofSeconds(10))) {
                long serial = 1;
                for (String name : List.of("alpha", "bravo")) {
                    PublicKeyRecord key = identity(name);
                    operator.submit(authority.sign(DirectoryRecord.active(key, serial++, 1, name, "", List.of()), entropy));
                }
                int bravoPort = freePort();
                int servicePort = freePort();
                String replicaAt = "127.0.0.1:" + replica.localAddress().getPort();
                Path alphaConfig = config("alpha", freePort(), replicaAt, authorityPub, replicaPub,
                        "peers:\n  - name: bravo\n    address: 127.0.0.1:" + bravoPort + "\n"
                        + "services:\n  - name: echo\n    peer: bravo\n    local: 127.0.0.1:" + servicePort
                        + "\n    target: 127.0.0.1:" + echo.getLocalPort() + "\n");
                Path bravoConfig = config("bravo", bravoPort, replicaAt, authorityPub, replicaPub,
                        "peers:\n  - name: alpha\n"
                        + "expose:\n  - name: echo\n    peer: alpha\n    target: 127.0.0.1:" + echo.getLocalPort() + "\n");

                Process bravo = start(bravoConfig, "bravo-1");
                Process alpha = start(alphaConfig, "alpha");
                try {
                    awaitPeerUp(dir.resolve("alpha/control.sock"), "bravo");
                    assertThat(echoThrough(servicePort, "through the tunnel")).isEqualTo("through the tunnel");

                    bravo.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                    awaitPeer(dir.resolve("alpha/control.sock"), "bravo", false); // alpha noticed
                    bravo = start(bravoConfig, "bravo-2");
                    long restarted = System.nanoTime();
                    awaitPeerUp(dir.resolve("alpha/control.sock"), "bravo");
                    long recoveryMillis = (System.nanoTime() - restarted) / 1_000_000;
                    System.out.println("tunnel back " + recoveryMillis + " ms after bravo's restart (includes JVM start)");
                    assertThat(echoThrough(servicePort, "after kill -9")).isEqualTo("after kill -9");
                    JsonNode status = ControlSocket.call(dir.resolve("alpha/control.sock"), ControlSocket.request("status"));
                    assertThat(status.path("result").path("peers").get(0).path("tunnels_opened").asLong()).isEqualTo(2);
                } finally {
                    alpha.destroy();
                    bravo.destroy();
                    alpha.waitFor(15, TimeUnit.SECONDS);
                    bravo.waitFor(15, TimeUnit.SECONDS);
                }
            }
        }
    }

    @Test
    void ratchetsEverySecondLoseNothingAndARevokedPeerIsCutOffWithinTwoSeconds() throws Exception {
        SigningKeyPair pair = RecordAuthority.generate(entropy);
        try (RecordAuthority authority = new RecordAuthority(new AuthorityKey(pair.verificationKey()), pair.signingKey());
                QsmpNetwork network = QsmpNetwork.create();
                SigningKeyRecord replicaKey = KeyGeneration.generate(SET, KeyId.random(entropy), 2_000_000_000L, entropy);
                ServerSocket echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            pair.signingKey().close();
            Thread echoThread = new Thread(() -> echoLoop(echo), "echo");
            echoThread.setDaemon(true);
            echoThread.start();
            Path authorityPub = dir.resolve("authority.pub");
            AuthorityKeyFile.write(authorityPub, authority.publicKey());
            Path replicaPub = dir.resolve("replica.qpkey");
            KeyFiles.writeQpkey(replicaPub, replicaKey.publicRecord());
            try (DirectoryReplica replica = DirectoryReplica.start(network, HandshakeContext.defaults(SET), replicaKey,
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), TransportSettings.DEFAULTS,
                    SqliteRecordStore.open(dir.resolve("records.db")),
                    new SubmissionCheck(authority.publicKey(), Set.of(SET.config()), Clock.system(0)), 2);
                    DirectoryClient operator = new DirectoryClient(network, HandshakeContext.defaults(SET),
                            List.of(new ReplicaEndpoint(replica.localAddress(), replicaKey.publicRecord())),
                            authority.publicKey(), TransportSettings.DEFAULTS, Duration.ofSeconds(10))) {
                DirectoryRecord alphaRecord = DirectoryRecord.active(identity("alpha"), 1, 1, "alpha", "", List.of());
                operator.submit(authority.sign(alphaRecord, entropy));
                operator.submit(authority.sign(DirectoryRecord.active(identity("bravo"), 2, 1, "bravo", "", List.of()),
                        entropy));
                int bravoPort = freePort();
                int servicePort = freePort();
                String replicaAt = "127.0.0.1:" + replica.localAddress().getPort();
                String everySecond = "    ratchet: {symmetric-after: 1s, asymmetric-every: 1s}\n";
                Path alphaConfig = config("alpha", freePort(), replicaAt, authorityPub, replicaPub,
                        "peers:\n  - name: bravo\n    address: 127.0.0.1:" + bravoPort + "\n" + everySecond
                        + "services:\n  - name: echo\n    peer: bravo\n    local: 127.0.0.1:" + servicePort
                        + "\n    target: 127.0.0.1:" + echo.getLocalPort() + "\n");
                Path bravoConfig = config("bravo", bravoPort, replicaAt, authorityPub, replicaPub,
                        "peers:\n  - name: alpha\n" + everySecond
                        + "expose:\n  - name: echo\n    peer: alpha\n    target: 127.0.0.1:" + echo.getLocalPort() + "\n");
                Process bravo = start(bravoConfig, "bravo");
                Process alpha = start(alphaConfig, "alpha");
                try {
                    Path alphaSocket = dir.resolve("alpha/control.sock");
                    awaitPeerUp(alphaSocket, "bravo");
                    // about 6 s of traffic both ways through the echo while both ratchets fire every second
                    byte[] sent = new byte[3_000_000];
                    new java.util.Random(7).nextBytes(sent);
                    byte[] back;
                    try (Socket s = new Socket()) {
                        s.connect(new InetSocketAddress("127.0.0.1", servicePort), 5_000);
                        s.setSoTimeout(60_000);
                        Thread writer = new Thread(() -> {
                            try {
                                for (int off = 0; off < sent.length; off += 50_000) {
                                    s.getOutputStream().write(sent, off, Math.min(50_000, sent.length - off));
                                    Thread.sleep(100);
                                }
                                s.shutdownOutput();
                            } catch (Exception e) {
                                // the comparison below reports it
                            }
                        });
                        writer.start();
                        back = s.getInputStream().readAllBytes();
                        writer.join();
                    }
                    assertThat(back.length).isEqualTo(sent.length);
                    assertThat(java.util.Arrays.equals(back, sent)).as("every byte, in order").isTrue();
                    JsonNode peer = ControlSocket.call(alphaSocket, ControlSocket.request("status"))
                            .path("result").path("peers").get(0);
                    System.out.println("ratchets during the run: " + peer.path("ratchets").asLong()
                            + ", tunnels opened: " + peer.path("tunnels_opened").asLong());
                    assertThat(peer.path("ratchets").asLong()).isGreaterThanOrEqualTo(4);
                    assertThat(peer.path("tunnels_opened").asLong()).as("no tunnel was lost").isEqualTo(1);

                    // the operator revokes alpha; bravo, which listens, drops it within 2 s
                    long revokedAt = System.nanoTime();
                    operator.submit(authority.sign(alphaRecord.revoked(3, 2), entropy));
                    awaitPeer(dir.resolve("bravo/control.sock"), "alpha", false);
                    long millis = (System.nanoTime() - revokedAt) / 1_000_000;
                    System.out.println("revoked peer cut off after " + millis + " ms");
                    assertThat(millis).as("cut off within 2 s of the revocation").isLessThan(2_000);
                } finally {
                    alpha.destroy();
                    bravo.destroy();
                    alpha.waitFor(15, TimeUnit.SECONDS);
                    bravo.waitFor(15, TimeUnit.SECONDS);
                }
            }
        }
    }

    @Test
    void aBadConfigurationExitsWithTwoAndOneLineNamingTheSetting() throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, "name: alpha\nlisten: {port: 70000}\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = AgentMain.execute(new String[] {"run", "--config", file.toString(), "--check-config"},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(2);
        String text = err.toString(StandardCharsets.UTF_8);
        assertThat(text.lines().count()).isEqualTo(1);
        assertThat(text).contains(file.toString());
    }

    private PublicKeyRecord identity(String name) throws Exception {
        Path home = dir.resolve(name);
        Files.createDirectories(home);
        try (Unlock unlock = Unlock.createKeyFile(home.resolve("identity.key"), entropy);
                IdentityStore store = new IdentityStore(home.resolve("identity"), IdentityPolicy.of(SET),
                        Clock.system(0), entropy)) {
            return store.create(unlock, 30).publicRecord();
        }
    }

    private Path config(String name, int port, String replicaAt, Path authorityPub, Path replicaPub, String rest)
            throws Exception {
        Path home = dir.resolve(name);
        String yaml = "name: " + name + "\n"
                + "identity:\n  dir: identity\n  key-file: identity.key\n"
                + "parameter-set: " + SET.config().text() + "\n"
                + "listen:\n  address: 127.0.0.1\n  port: " + port + "\n"
                + "directory:\n  authority-key: " + authorityPub + "\n  cache: directory.cache\n"
                + "  replicas:\n    - address: " + replicaAt + "\n      key: " + replicaPub + "\n"
                + "control-socket: " + home.resolve("control.sock") + "\n"
                + "log:\n  level: info\n  audit-log: audit.jsonl\n"
                + rest;
        Path file = home.resolve("agent.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private Process start(Path config, String logName) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), AgentMain.class.getName(), "run",
                "--config", config.toString()));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve(logName + ".log").toFile())
                .start();
    }

    private static void awaitPeerUp(Path socket, String peer) throws Exception {
        awaitPeer(socket, peer, true);
    }

    private static void awaitPeer(Path socket, String peer, boolean up) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String last = "";
        while (System.nanoTime() < deadline) {
            try {
                JsonNode answer = ControlSocket.call(socket, ControlSocket.request("status"));
                for (JsonNode p : answer.path("result").path("peers")) {
                    if (p.path("peer").asText().equals(peer) && p.path("state").asText().equals("up") == up) {
                        return;
                    }
                    last = p.toString();
                }
            } catch (java.io.IOException notYet) {
                last = notYet.getMessage();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("peer " + peer + (up ? " not up" : " still up") + " after 60 s; last status: " + last);
    }

    private static String echoThrough(int port, String text) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
                s.setSoTimeout(10_000);
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

    private static int freePort() throws Exception {
        for (int port = 20_000 + new java.util.Random().nextInt(5_000); port < 32_000; port++) {
            try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return port;
            } catch (java.io.IOException busy) {
                // next
            }
        }
        throw new IllegalStateException("no free port");
    }

    private static void echoLoop(ServerSocket echo) {
        while (!echo.isClosed()) {
            try {
                Socket s = echo.accept();
                Thread t = new Thread(() -> {
                    try (s) {
                        s.getInputStream().transferTo(s.getOutputStream());
                    } catch (Exception e) {
                        // client went away
                    }
                });
                t.setDaemon(true);
                t.start();
            } catch (Exception e) {
                return;
            }
        }
    }
}
