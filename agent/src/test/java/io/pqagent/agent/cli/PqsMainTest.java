package io.pqagent.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.pqagent.agent.pqs.PassphraseVerifier;
import io.pqagent.agent.pqs.PqsServer;
import io.pqagent.agent.pqs.PqsServerSettings;
import io.pqagent.agent.pqs.PqsUser;
import io.pqagent.agent.pqs.PqsUsers;
import io.pqagent.agent.pqs.ShellPolicy;
import io.pqagent.keystore.Argon2Cost;
import io.pqagent.qsmp.crypto.EntropySource;
import io.pqagent.qsmp.crypto.ParameterSet;
import io.pqagent.qsmp.keys.KeyFiles;
import io.pqagent.qsmp.keys.KeyGeneration;
import io.pqagent.qsmp.keys.KeyId;
import io.pqagent.qsmp.keys.SigningKeyRecord;
import io.pqagent.qsmp.transport.QsmpNetwork;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code pqs} client command against a real PQS server: pinning, known hosts, -c, file commands. */
class PqsMainTest {
    private static final ParameterSet SET = ParameterSet.DILITHIUM_S1_KYBER_S1;

    @TempDir
    static Path dir;

    static QsmpNetwork network;
    static SigningKeyRecord key;
    static SigningKeyRecord otherKey;
    static PqsServer server;
    static Path qpkey;
    static Path otherQpkey;
    static Path pass;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void start() throws Exception {
        EntropySource entropy = EntropySource.system();
        key = KeyGeneration.generate(SET, KeyId.random(entropy), 2_000_000_000L, entropy);
        otherKey = KeyGeneration.generate(SET, key.publicRecord().keyId(), 2_000_000_000L, entropy);
        qpkey = dir.resolve("server.qpkey");
        otherQpkey = dir.resolve("other.qpkey");
        KeyFiles.writeQpkey(qpkey, key.publicRecord());
        KeyFiles.writeQpkey(otherQpkey, otherKey.publicRecord());
        pass = dir.resolve("pass");
        Files.writeString(pass, "cli pass\n");
        PqsUsers users = PqsUsers.create(dir.resolve("users.json"), 5);
        users.put(new PqsUser("ops", 2, ShellPolicy.RESTRICTED, List.of("echo", "false"), null,
                PassphraseVerifier.create("cli pass".getBytes(StandardCharsets.UTF_8), new Argon2Cost(8, 1, 1),
                        new SecureRandom()), 0));
        network = QsmpNetwork.create();
        server = PqsServer.start(network, key, new InetSocketAddress("127.0.0.1", 0), users,
                PqsServerSettings.defaults(dir.resolve("home")), (b, args) -> "diag " + b.verb() + "\n", (e, f) -> { });
    }

    @AfterAll
    static void stop() {
        server.close();
        network.close();
        key.close();
        otherKey.close();
    }

    private int pqs(String... args) {
        out.reset();
        err.reset();
        return PqsMain.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String hostPort() {
        return "127.0.0.1:" + server.localAddress().getPort();
    }

    @Test
    void helpListsLoginGetPutLs() {
        assertThat(pqs("--help")).isZero();
        assertThat(out.toString()).contains("login").contains("get REMOTE LOCAL").contains("put LOCAL REMOTE")
                .contains("ls [PATH]").contains("--known-hosts").contains("--accept-new");
    }

    @Test
    void oneCommandWithAPinnedKeyFileExitsWithTheRemoteStatus() {
        assertThat(pqs(hostPort(), "--key", qpkey.toString(), "-u", "ops", "--passphrase-file", pass.toString(),
                "-c", "echo from the agent")).isZero();
        assertThat(out.toString()).isEqualTo("from the agent\n");
        assertThat(pqs(hostPort(), "--key", qpkey.toString(), "-u", "ops", "--passphrase-file", pass.toString(),
                "-c", "false")).isEqualTo(1);
        assertThat(pqs(hostPort(), "--key", qpkey.toString(), "-u", "ops", "--passphrase-file", pass.toString(),
                "-c", "status")).isZero();
        assertThat(out.toString()).isEqualTo("diag status\n");
    }

    @Test
    void knownHostsAreStrictUnknownAndChangedKeysAreRefused() throws Exception {
        Path known = dir.resolve("known_hosts");
        String[] base = {hostPort(), "--known-hosts", known.toString(), "-u", "ops", "--passphrase-file",
            pass.toString(), "-c", "echo ok"};

        assertThat(pqs(concat(base, "--key", qpkey.toString()))).isEqualTo(4);
        assertThat(err.toString()).contains("not in").contains("--accept-new");
        assertThat(Files.exists(known)).isFalse();

        assertThat(pqs(concat(base, "--key", qpkey.toString(), "--accept-new"))).isZero();
        assertThat(Files.readString(known)).startsWith(hostPort() + " ");
        assertThat(pqs(base)).isZero(); // the recorded key alone is enough now
        assertThat(out.toString()).isEqualTo("ok\n");

        assertThat(pqs(concat(base, "--key", otherQpkey.toString()))).isEqualTo(4);
        assertThat(err.toString()).contains("HAS CHANGED");
    }

    @Test
    void aServerThatDoesNotHoldThePinnedKeyIsRefused() {
        assertThat(pqs(hostPort(), "--key", otherQpkey.toString(), "-u", "ops", "--passphrase-file", pass.toString(),
                "-c", "echo never")).isEqualTo(4);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).contains("handshake");
    }

    @Test
    void fileCommandsThroughTheClient() throws Exception {
        Path local = dir.resolve("notes.txt");
        Files.writeString(local, "field notes\n");
        String[] base = {hostPort(), "--key", qpkey.toString(), "-u", "ops", "--passphrase-file", pass.toString(), "-c"};
        assertThat(pqs(concat(base, "put " + local + " notes.txt"))).isZero();
        assertThat(out.toString()).contains("SHA3-256 verified");
        assertThat(pqs(concat(base, "ls"))).isZero();
        assertThat(out.toString()).contains("f 12 notes.txt");
        Path back = dir.resolve("back.txt");
        assertThat(pqs(concat(base, "get notes.txt " + back))).isZero();
        assertThat(Files.readString(back)).isEqualTo("field notes\n");
        assertThat(pqs(concat(base, "get ../users.json " + back))).isEqualTo(1);
        assertThat(err.toString()).contains("traversal");
    }

    @Test
    void noPinnedKeyIsAUsageError() {
        assertThat(pqs(hostPort(), "-u", "ops", "-c", "status")).isEqualTo(2);
        assertThat(err.toString()).contains("--key").contains("--known-hosts");
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
