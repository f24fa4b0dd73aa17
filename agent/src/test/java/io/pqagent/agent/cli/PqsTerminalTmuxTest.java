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
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The interactive client in a real terminal: tmux runs {@code pqs}, the test types into it with
 * send-keys and reads the screen with capture-pane. Logs in with a typed passphrase, runs status, exits.
 */
class PqsTerminalTmuxTest {
    @TempDir
    Path dir;

    private final String socket = "pqs-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime();

    @Test
    void anOperatorLogsInInteractivelyAndRunsStatus() throws Exception {
        // .ci/run installs tmux: without it this proof fails rather than silently skipping
        assertThat(Files.isExecutable(Path.of("/usr/bin/tmux")) || Files.isExecutable(Path.of("/usr/local/bin/tmux")))
                .as("tmux is installed (apt-get install tmux)").isTrue();
        EntropySource entropy = EntropySource.system();
        try (SigningKeyRecord key = KeyGeneration.generate(ParameterSet.DILITHIUM_S1_KYBER_S1, KeyId.random(entropy),
                2_000_000_000L, entropy); QsmpNetwork network = QsmpNetwork.create()) {
            Path qpkey = dir.resolve("server.qpkey");
            KeyFiles.writeQpkey(qpkey, key.publicRecord());
            PqsUsers users = PqsUsers.create(dir.resolve("users.json"), 5);
            users.put(new PqsUser("ops", 1, ShellPolicy.NO_SHELL, List.of(), null, PassphraseVerifier.create(
                    "typed pass".getBytes(StandardCharsets.UTF_8), new Argon2Cost(8, 1, 1), new SecureRandom()), 0));
            try (PqsServer server = PqsServer.start(network, key, new InetSocketAddress("127.0.0.1", 0), users,
                    PqsServerSettings.defaults(dir.resolve("home")), (b, args) -> "agent says " + b.verb() + " ok\n",
                    (e, f) -> { })) {
                Path script = dir.resolve("run-pqs.sh");
                Files.writeString(script, "#!/bin/sh\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java")
                        + "' -XX:+UseSerialGC -cp '" + System.getProperty("java.class.path") + "' "
                        + PqsMain.class.getName() + " 127.0.0.1:" + server.localAddress().getPort() + " --key '" + qpkey
                        + "' -u ops\n");
                tmux("new-session", "-d", "-s", "pqs", "-x", "120", "-y", "40", "sh " + script + "; sleep 30");
                try {
                    awaitScreen("passphrase:");
                    tmux("send-keys", "-t", "pqs", "typed pass", "Enter");
                    awaitScreen("pqs>"); // capture-pane drops the trailing blank
                    tmux("send-keys", "-t", "pqs", "stat");
                    awaitScreen("pqs> stat");
                    tmux("send-keys", "-t", "pqs", "us", "Enter");
                    String screen = awaitScreen("agent says status ok");
                    assertThat(screen).contains("logged in as ops").doesNotContain("typed pass");
                    tmux("send-keys", "-t", "pqs", "exit", "Enter");
                } finally {
                    tmux("kill-server");
                }
            }
        }
    }

    private String awaitScreen(String text) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String screen = "";
        while (System.nanoTime() < deadline) {
            screen = tmux("capture-pane", "-p", "-t", "pqs");
            if (screen.contains(text)) {
                return screen;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("'" + text + "' never appeared on the terminal; it shows:\n" + screen);
    }

    private String tmux(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        return out;
    }
}
