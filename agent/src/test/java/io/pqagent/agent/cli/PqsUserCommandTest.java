package io.pqagent.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.pqagent.agent.pqs.LoginOutcome;
import io.pqagent.agent.pqs.PqsUsers;
import io.pqagent.agent.pqs.ShellPolicy;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code qsmp-agent pqs user ...} against a users file, as an operator would run it. */
class PqsUserCommandTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        return AgentMain.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void addListLockUnlockDelete() throws Exception {
        Path users = dir.resolve("pqs-users.json");
        Path secret = dir.resolve("pass.txt");
        Files.writeString(secret, "field engineer 7\n");

        assertThat(run("pqs", "user", "add", "ops", "--users", users.toString(), "--policy", "restricted",
                "--allow", "uptime,df", "--privilege", "2", "--passphrase-file", secret.toString())).isZero();
        assertThat(out.toString()).contains("added ops");

        PqsUsers loaded = PqsUsers.open(users);
        assertThat(loaded.find("ops").policy()).isEqualTo(ShellPolicy.RESTRICTED);
        assertThat(loaded.login("ops", "field engineer 7".getBytes(StandardCharsets.UTF_8)).accepted()).isTrue();
        for (int i = 0; i < PqsUsers.DEFAULT_MAX_FAILURES; i++) {
            loaded.login("ops", "guess".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(loaded.login("ops", "field engineer 7".getBytes(StandardCharsets.UTF_8)).outcome())
                .isEqualTo(LoginOutcome.LOCKED);

        assertThat(run("pqs", "user", "list", "--users", users.toString())).isZero();
        assertThat(out.toString()).contains("ops").contains("restricted").contains("locked").contains("uptime,df")
                .doesNotContain("field engineer");

        assertThat(run("pqs", "user", "unlock", "ops", "--users", users.toString())).isZero();
        assertThat(PqsUsers.open(users).locked("ops")).isFalse();

        assertThat(run("pqs", "user", "del", "ops", "--users", users.toString())).isZero();
        assertThat(run("pqs", "user", "del", "ops", "--users", users.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("no PQS user ops");
    }

    @Test
    void anInvalidPolicyIsAUsageError() throws Exception {
        Path secret = dir.resolve("pass.txt");
        Files.writeString(secret, "x\n");
        assertThat(run("pqs", "user", "add", "ops", "--users", dir.resolve("u.json").toString(),
                "--policy", "forced", "--passphrase-file", secret.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("forced command");
        assertThat(Files.exists(dir.resolve("u.json"))).isFalse();
    }
}
