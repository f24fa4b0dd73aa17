package io.pqagent.agent.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.pqagent.agent.config.ConfigLoader;
import io.pqagent.agent.pqs.LoginOutcome;
import io.pqagent.agent.pqs.PassphraseVerifier;
import io.pqagent.agent.pqs.PqsClient;
import io.pqagent.agent.pqs.PqsServerKey;
import io.pqagent.agent.pqs.PqsUser;
import io.pqagent.agent.pqs.PqsUsers;
import io.pqagent.agent.pqs.ShellPolicy;
import io.pqagent.agent.testing.AgentFleet;
import io.pqagent.keystore.Argon2Cost;
import io.pqagent.qsmp.keys.KeyFiles;
import io.pqagent.qsmp.keys.PublicKeyRecord;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real agent with {@code pqs.enabled}: its server key is made and exported, and its built-ins answer. */
class PqsAgentTest {
    @TempDir
    Path dir;

    @Test
    void anEnabledAgentServesPqsWithItsOwnKeyAndAuditsTheSession() throws Exception {
        try (AgentFleet fleet = new AgentFleet(dir)) {
            fleet.enrol("alpha");
            int pqsPort = AgentFleet.freePort();
            Path config = fleet.config("alpha", AgentFleet.freePort(), "pqs:\n  enabled: true\n  port: " + pqsPort + "\n");
            Path identity = dir.resolve("alpha/identity");
            PqsUsers.open(identity.resolve(PqsUsers.FILE_NAME)).put(new PqsUser("ops", 2, ShellPolicy.NO_SHELL,
                    List.of(), null, PassphraseVerifier.create("field pass".getBytes(StandardCharsets.UTF_8),
                            new Argon2Cost(8, 1, 1), new SecureRandom()), 0));
            try (Agent agent = Agent.start(ConfigLoader.load(config))) {
                assertThat(agent.pqsAddress()).isPresent();
                assertThat(agent.pqsAddress().get().getPort()).isEqualTo(pqsPort);
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                        identity.resolve(PqsServerKey.KEY_FILE)))).isEqualTo("rw-------");
                PublicKeyRecord pinned = KeyFiles.readQpkey(identity.resolve(PqsServerKey.PUBLIC_FILE));
                try (io.pqagent.qsmp.transport.QsmpNetwork network = io.pqagent.qsmp.transport.QsmpNetwork.create();
                        PqsClient c = PqsClient.connect(network, pinned, agent.pqsAddress().get(), Duration.ofSeconds(20))) {
                    assertThat(c.login("ops", "field pass".getBytes(StandardCharsets.UTF_8)).outcome())
                            .isEqualTo(LoginOutcome.ACCEPTED);
                    assertThat(run(c, "status")).contains("\"name\" : \"alpha\"");
                    assertThat(run(c, "key-expiry")).contains(PqsServerKey.fingerprint(pinned.verificationKey()));
                    assertThat(run(c, "config-check")).contains("valid");
                    assertThat(run(c, "audit 50")).contains("pqs.login");
                }
            }
            String audit = Files.readString(dir.resolve("alpha/audit.jsonl"));
            assertThat(audit).contains("pqs.login").contains("pqs.command").contains("key-expiry");
        }
    }

    private static String run(PqsClient c, String line) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = c.run(line, (stream, data) -> out.writeBytes(data));
        assertThat(status).as(out.toString(StandardCharsets.UTF_8)).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }
}
