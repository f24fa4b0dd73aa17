package io.pqagent.agent.pqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pqagent.qsmp.crypto.EntropySource;
import io.pqagent.qsmp.crypto.ParameterSet;
import io.pqagent.qsmp.keys.KeyGeneration;
import io.pqagent.qsmp.keys.KeyId;
import io.pqagent.qsmp.keys.SigningKeyRecord;
import io.pqagent.qsmp.transport.QsmpNetwork;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;

import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real PQS server on a real QSMP Simplex listener, driven by the real client over loopback TCP. */
class PqsServerTest {
    private static final ParameterSet SET = ParameterSet.DILITHIUM_S1_KYBER_S1;
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @TempDir
    static Path dir;

    static QsmpNetwork network;
    static SigningKeyRecord serverKey;
    static PqsUsers users;
    static PqsServer server;
    static final List<String> audit = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        EntropySource entropy = EntropySource.system();
        serverKey = KeyGeneration.generate(SET, KeyId.random(entropy), 2_000_000_000L, entropy);
        network = QsmpNetwork.create();
        users = PqsUsers.create(dir.resolve("pqs-users.json"), 3);
        users.put(PqsUsersTest.user("viewer", "look only", ShellPolicy.NO_SHELL, List.of(), null));
        users.put(PqsUsersTest.user("ops", "restricted pass", ShellPolicy.RESTRICTED, List.of("echo", "pwd"), null));
        users.put(PqsUsersTest.user("fw", "forced pass", ShellPolicy.FORCED, List.of(), "echo forced-ran"));
        users.put(PqsUsersTest.user("root", "raw pass", ShellPolicy.RAW, List.of(), null));
        users.put(PqsUsersTest.user("victim", "right", ShellPolicy.NO_SHELL, List.of(), null));
        PqsServerSettings settings = new PqsServerSettings(dir.resolve("home"), Duration.ofSeconds(30),
                Duration.ofSeconds(1), Duration.ofMillis(1500));
        PqsDiagnostics diagnostics = (builtin, args) -> "answer to " + builtin.verb() + " " + args + "\n";
        PqsAudit sink = (event, fields) -> audit.add(event + " " + fields);
        server = PqsServer.start(network, serverKey, new InetSocketAddress("127.0.0.1", 0), users, settings,
                diagnostics, sink);
    }

    @AfterAll
    static void stop() {
        server.close();
        network.close();
        serverKey.close();
    }

    static PqsClient connect() throws Exception {
        return PqsClient.connect(network, serverKey.publicRecord(), server.localAddress(), TIMEOUT);
    }

    static PqsClient loggedIn(String user, String passphrase) throws Exception {
        PqsClient c = connect();
        PqsMessage.LoginResult r = c.login(user, passphrase.getBytes(StandardCharsets.UTF_8));
        assertThat(r.outcome()).as(r.text()).isEqualTo(LoginOutcome.ACCEPTED);
        return c;
    }

    /** Runs {@code line}; returns "status|stdout|stderr". */
    static String run(PqsClient c, String line) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = c.run(line, (stream, data) -> (stream == 1 ? out : err).writeBytes(data));
        return status + "|" + out.toString(StandardCharsets.UTF_8) + "|" + err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void loginSucceedsAndABuiltinAnswers() throws Exception {
        try (PqsClient c = loggedIn("viewer", "look only")) {
            assertThat(run(c, "status")).isEqualTo("0|answer to status []\n|");
            assertThat(run(c, "help")).contains("status").contains("policy: no-shell");
        }
        assertThat(audit).anyMatch(a -> a.startsWith("pqs.login") && a.contains("user=viewer")
                && a.contains("outcome=accepted"));
        assertThat(audit).anyMatch(a -> a.startsWith("pqs.command") && a.contains("line=status"));
    }

    @Test
    void aWrongPassphraseIsDeniedAndTheConnectionEnds() throws Exception {
        try (PqsClient c = connect()) {
            PqsMessage.LoginResult r = c.login("ops", "nope".getBytes(StandardCharsets.UTF_8));
            assertThat(r.outcome()).isEqualTo(LoginOutcome.DENIED);
            assertThatThrownBy(() -> run(c, "status")).isInstanceOf(PqsRemoteException.class);
        }
        users.unlock("ops");
    }

    @Test
    void threeFailuresLockTheAccountEvenForTheRightPassphrase() throws Exception {
        LoginOutcome last = null;
        for (int i = 0; i < 3; i++) {
            try (PqsClient c = connect()) {
                last = c.login("victim", ("guess" + i).getBytes(StandardCharsets.UTF_8)).outcome();
            }
        }
        assertThat(last).isEqualTo(LoginOutcome.LOCKED);
        try (PqsClient c = connect()) {
            assertThat(c.login("victim", "right".getBytes(StandardCharsets.UTF_8)).outcome())
                    .isEqualTo(LoginOutcome.LOCKED);
        }
        assertThat(PqsUsers.open(dir.resolve("pqs-users.json")).locked("victim")).isTrue();
        users.unlock("victim");
        loggedIn("victim", "right").close();
    }

    @Test
    void commandsBeforeLoginEndTheSession() throws Exception {
        try (PqsClient c = connect()) {
            assertThatThrownBy(() -> run(c, "status")).isInstanceOf(PqsRemoteException.class)
                    .hasMessageContaining("log in first");
        }
    }

    @Test
    void eachPolicyModeOverTheWire() throws Exception {
        try (PqsClient c = loggedIn("viewer", "look only")) {
            assertThatThrownBy(() -> run(c, "echo hi")).isInstanceOf(PqsRemoteException.class)
                    .hasMessageContaining("not a built-in");
        }
        try (PqsClient c = loggedIn("ops", "restricted pass")) {
            assertThat(run(c, "echo hello world")).isEqualTo("0|hello world\n|");
            assertThat(run(c, "pwd")).startsWith("0|" + dir.resolve("home/ops").toRealPath());
            assertThatThrownBy(() -> run(c, "id")).isInstanceOf(PqsRemoteException.class)
                    .hasMessageContaining("not allowed for ops");
        }
        try (PqsClient c = loggedIn("fw", "forced pass")) {
            assertThat(run(c, "rm everything")).isEqualTo("0|forced-ran\n|");
        }
        try (PqsClient c = loggedIn("root", "raw pass")) {
            assertThat(run(c, "echo abc | tr a-c x-z; echo err >&2; exit 4")).isEqualTo("4|xyz\n|err\n");
        }
    }

    @Test
    void metacharactersAreRefusedOutsideRawMode() throws Exception {
        try (PqsClient c = loggedIn("ops", "restricted pass")) {
            for (String line : List.of("echo a; id", "echo $(id)", "echo a | sh", "echo `id`", "echo > x")) {
                assertThatThrownBy(() -> run(c, line)).isInstanceOf(PqsRemoteException.class)
                        .satisfies(e -> assertThat(((PqsRemoteException) e).code()).isEqualTo(PqsErrorCode.METACHARACTER));
            }
            assertThat(run(c, "echo still here")).isEqualTo("0|still here\n|");
        }
        assertThat(Files.exists(dir.resolve("home/ops/x"))).isFalse();
    }

    @Test
    void fiveMegabytesGoUpAndComeBackWithTheSameHash() throws Exception {
        byte[] content = new byte[5 * 1024 * 1024 + 17];
        new Random(42).nextBytes(content);
        Path local = dir.resolve("upload.bin");
        Files.write(local, content);
        Path back = dir.resolve("download.bin");
        try (PqsClient c = loggedIn("ops", "restricted pass")) {
            c.file(PqsMessageType.FILE_MKDIR, "in");
            assertThat(c.put(local, "in/big.bin")).isEqualTo(content.length);
            assertThat(c.file(PqsMessageType.FILE_LS, "in")).isEqualTo("f " + content.length + " big.bin");
            assertThat(c.get("in/big.bin", back)).isEqualTo(content.length);
            c.file(PqsMessageType.FILE_RM, "in/big.bin");
            assertThat(c.file(PqsMessageType.FILE_LS, "in")).isEmpty();
        }
        assertThat(MessageDigest.getInstance("SHA3-256").digest(Files.readAllBytes(back)))
                .isEqualTo(MessageDigest.getInstance("SHA3-256").digest(content));
        assertThat(audit).anyMatch(a -> a.startsWith("pqs.file") && a.contains("op=put") && a.contains("outcome=done"));
        assertThat(audit).anyMatch(a -> a.startsWith("pqs.file") && a.contains("op=get") && a.contains("outcome=done"));
    }

    @Test
    void traversalAbsolutePathsAndSymlinksAreRefused() throws Exception {
        Path home = dir.resolve("home/root");
        Files.createDirectories(home);
        Files.writeString(dir.resolve("secret.txt"), "secret");
        Files.deleteIfExists(home.resolve("link"));
        Files.createSymbolicLink(home.resolve("link"), dir);
        Path sink = dir.resolve("stolen.txt");
        try (PqsClient c = loggedIn("root", "raw pass")) {
            for (String path : List.of("../secret.txt", "/etc/passwd", "a/../../secret.txt", "link/secret.txt",
                    "link", "./x")) {
                assertThatThrownBy(() -> c.get(path, sink)).as(path).isInstanceOf(PqsRemoteException.class)
                        .satisfies(e -> assertThat(((PqsRemoteException) e).code()).isEqualTo(PqsErrorCode.PATH_REFUSED));
            }
            Path local = dir.resolve("small.txt");
            Files.writeString(local, "x");
            assertThatThrownBy(() -> c.put(local, "../planted.txt")).isInstanceOf(PqsRemoteException.class);
            assertThatThrownBy(() -> c.file(PqsMessageType.FILE_RM, "link")).isInstanceOf(PqsRemoteException.class);
            assertThat(run(c, "echo alive")).isEqualTo("0|alive\n|");
        }
        assertThat(Files.exists(sink)).isFalse();
        assertThat(Files.exists(dir.resolve("home/planted.txt"))).isFalse();
        assertThat(Files.isSymbolicLink(home.resolve("link"))).isTrue();
    }

    @Test
    void aClientPinningAnotherKeyIsRefusedByTheHandshake() throws Exception {
        EntropySource entropy = EntropySource.system();
        try (SigningKeyRecord other = KeyGeneration.generate(SET, serverKey.publicRecord().keyId(), 2_000_000_000L,
                entropy)) {
            assertThatThrownBy(() -> PqsClient.connect(network, other.publicRecord(), server.localAddress(), TIMEOUT))
                    .isInstanceOf(java.io.IOException.class).hasMessageContaining("handshake");
        }
    }

    @Test
    void anIdleSessionOutlivesSeveralKeepAliveIntervals() throws Exception {
        try (PqsClient c = loggedIn("viewer", "look only")) {
            // keep-alive every 1 s, 1.5 s to answer: an unanswered request would have closed the session
            Thread.sleep(4_500);
            assertThat(c.isOpen()).isTrue();
            assertThat(run(c, "peers")).isEqualTo("0|answer to peers []\n|");
        }
    }

}
