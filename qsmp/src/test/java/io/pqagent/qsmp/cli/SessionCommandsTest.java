package io.pqagent.qsmp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The session commands' failures before any peer is involved, in process: what is wrong is said in one
 * line naming the option or file, with exit 2 for what the operator must fix and 1 for what failed.
 */
class SessionCommandsTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();

    @BeforeEach
    void keys() {
        keygen("sender", "dilithium-s5_kyber-s5_sha3_rcs");
        keygen("listener", "dilithium-s5_kyber-s5_sha3_rcs");
        keygen("small", "dilithium-s1_kyber-s1_sha3_rcs");
        outBytes.reset();
        errBytes.reset();
    }

    @Test
    void aMissingKeyFileIsNamed() {
        String missing = dir.resolve("absent_secret_key.qskey").toString();
        assertThat(run("send", "--key", missing, "--peer", file("listener_public_key.qpkey"))).isEqualTo(2);
        assertThat(err()).isEqualTo("qsmp send: --key: no such file: " + missing + System.lineSeparator());
    }

    @Test
    void aFileOfTheWrongKindIsNamed() {
        String secret = file("server_secret_key.qskey");
        keygen("server", "dilithium-s5_kyber-s5_sha3_rcs");
        errBytes.reset();
        assertThat(run("client", "--peer", secret)).isEqualTo(2);
        assertOneLine("qsmp client: --peer: " + secret + ": ");
    }

    @Test
    void keysOfTwoConfigurationsCannotMakeASession() {
        assertThat(run("send", "--key", file("sender_secret_key.qskey"), "--peer", file("small_public_key.qpkey")))
                .isEqualTo(2);
        assertOneLine("qsmp send: " + file("small_public_key.qpkey") + " is a dilithium-s1_kyber-s1_sha3_rcs key but "
                + file("sender_secret_key.qskey") + " is dilithium-s5_kyber-s5_sha3_rcs");

        errBytes.reset();
        assertThat(run("listen", "--key", file("listener_secret_key.qskey"), "--peer", file("sender_public_key.qpkey"),
                "--peer", file("small_public_key.qpkey"))).isEqualTo(2);
        assertOneLine("qsmp listen: " + file("small_public_key.qpkey") + " is a dilithium-s1_kyber-s1_sha3_rcs key");
    }

    @Test
    void scriptedRunFlagsAreChecked() {
        String peer = file("listener_public_key.qpkey");
        String key = file("sender_secret_key.qskey");
        assertThat(run("send", "--key", key, "--peer", peer, "--size", "12")).isEqualTo(2);
        assertOneLine("qsmp send: --size only applies to a scripted run: give --count too");
        errBytes.reset();
        assertThat(run("send", "--key", key, "--peer", peer, "--count", "0")).isEqualTo(2);
        assertOneLine("qsmp send: --count must be at least 1, got 0");
        errBytes.reset();
        assertThat(run("send", "--key", key, "--peer", peer, "--count", "1", "--size", "0")).isEqualTo(2);
        assertOneLine("qsmp send: --size must be 1..16777210 bytes, got 0");
    }

    @Test
    void endpointFlagsAreChecked() {
        String key = file("listener_secret_key.qskey");
        String peer = file("sender_public_key.qpkey");
        assertThat(run("listen", "--key", key, "--peer", peer, "--port", "70000")).isEqualTo(2);
        assertOneLine("qsmp listen: --port must be 0..65535, got 70000");
        errBytes.reset();
        assertThat(run("listen", "--key", key, "--peer", peer, "--timeout", "0")).isEqualTo(2);
        assertOneLine("qsmp listen: --timeout must be at least 1 second, got 0");
        errBytes.reset();
        assertThat(run("listen", "--key", key, "--peer", peer, "--keepalive-interval", "-1")).isEqualTo(2);
        assertOneLine("qsmp listen: --keepalive-interval cannot be negative, got -1");
        errBytes.reset();
        assertThat(run("listen", "--key", key, "--peer", peer, "--mac", "hmac")).isEqualTo(2);
        assertOneLine("qsmp listen: Invalid value for option '--mac': 'hmac' is not a MAC mode; use kmac or qmac"
                + " (see 'qsmp listen --help')");
    }

    @Test
    void aPortInUseIsAOneLineFailure() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            String port = Integer.toString(taken.getLocalPort());
            assertThat(run("server", "--key", file("listener_secret_key.qskey"), "--address", "127.0.0.1",
                    "--port", port)).isEqualTo(1);
            assertOneLine("qsmp server: cannot listen on ");
        }
    }

    @Test
    void aListenerWhoseInputEndsBeforeAnyPeerQuitsCleanly() throws Exception {
        String port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = Integer.toString(probe.getLocalPort());
        }
        assertThat(run("listen", "--key", file("listener_secret_key.qskey"), "--peer", file("sender_public_key.qpkey"),
                "--address", "127.0.0.1", "--port", port)).isZero();
        assertThat(err()).isEqualTo("listening on 127.0.0.1:" + port + System.lineSeparator());
        assertThat(out()).isEmpty();
    }

    private void keygen(String name, String config) {
        assertThat(run("keygen", "--name", name, "--random-kid", "--out", dir.toString(), "--config", config))
                .as(err()).isZero();
    }

    private String file(String name) {
        return dir.resolve(name).toString();
    }

    private int run(String... args) {
        return QsmpMain.execute(args, new ByteArrayInputStream(new byte[0]),
                new PrintStream(outBytes, true, StandardCharsets.UTF_8),
                new PrintStream(errBytes, true, StandardCharsets.UTF_8));
    }

    private void assertOneLine(String prefix) {
        assertThat(err().lines().toList()).hasSize(1);
        assertThat(err()).startsWith(prefix);
    }

    private String out() {
        return outBytes.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }
}
