package io.pqagent.agent.pqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pqagent.keystore.Argon2Cost;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PqsUsersTest {
    /** Argon2's smallest cost keeps the test fast; the cost is stored per user, so this is what gets checked. */
    static final Argon2Cost CHEAP = new Argon2Cost(8, 1, 1);

    @TempDir
    Path dir;

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static PqsUser user(String name, String passphrase, ShellPolicy policy, List<String> verbs, String forced) {
        return new PqsUser(name, 3, policy, verbs, forced,
                PassphraseVerifier.create(utf8(passphrase), CHEAP, new SecureRandom()), 0);
    }

    @Test
    void theVerifierMatchesOnlyItsPassphraseAndIsSaltedPerUser() {
        PassphraseVerifier a = PassphraseVerifier.create(utf8("tr0ub4dor"), CHEAP, new SecureRandom());
        PassphraseVerifier b = PassphraseVerifier.create(utf8("tr0ub4dor"), CHEAP, new SecureRandom());
        assertThat(a.matches(utf8("tr0ub4dor"))).isTrue();
        assertThat(a.matches(utf8("tr0ub4dor "))).isFalse();
        assertThat(a.salt()).isNotEqualTo(b.salt());
        assertThat(a.hash()).isNotEqualTo(b.hash());
    }

    @Test
    void usersSurviveAReopenWithoutPlaintextAndOwnerOnly() throws Exception {
        Path file = dir.resolve("pqs-users.json");
        PqsUsers users = PqsUsers.create(file, 3);
        users.put(user("ops", "correct horse battery", ShellPolicy.RESTRICTED, List.of("uptime", "df"), null));
        users.put(user("fw", "firmware only", ShellPolicy.FORCED, List.of(), "/usr/bin/fw-status"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(file)).doesNotContain("correct horse").contains("\"policy\" : \"restricted\"");

        PqsUsers again = PqsUsers.open(file);
        assertThat(again.maxFailures()).isEqualTo(3);
        assertThat(again.list()).extracting(PqsUser::name).containsExactly("ops", "fw");
        assertThat(again.find("fw").forcedCommand()).isEqualTo("/usr/bin/fw-status");
        assertThat(again.login("ops", utf8("correct horse battery")).accepted()).isTrue();
        assertThat(again.find("ops").allowedVerbs()).containsExactly("uptime", "df");
    }

    @Test
    void wrongPassphrasesLockTheAccountAcrossARestartUntilUnlocked() throws Exception {
        Path file = dir.resolve("pqs-users.json");
        PqsUsers users = PqsUsers.create(file, 3);
        users.put(user("ops", "right", ShellPolicy.NO_SHELL, List.of(), null));

        assertThat(users.login("ops", utf8("wrong")).outcome()).isEqualTo(LoginOutcome.DENIED);
        assertThat(users.login("ops", utf8("wrong")).outcome()).isEqualTo(LoginOutcome.DENIED);
        assertThat(users.login("ops", utf8("wrong")).outcome()).isEqualTo(LoginOutcome.LOCKED);

        PqsUsers restarted = PqsUsers.open(file);
        assertThat(restarted.locked("ops")).isTrue();
        assertThat(restarted.login("ops", utf8("right")).outcome()).isEqualTo(LoginOutcome.LOCKED);

        assertThat(restarted.unlock("ops")).isTrue();
        LoginDecision ok = PqsUsers.open(file).login("ops", utf8("right"));
        assertThat(ok.accepted()).isTrue();
        assertThat(ok.user().privilege()).isEqualTo(3);
    }

    @Test
    void aSuccessClearsEarlierFailuresAndUnknownNamesAreDenied() throws Exception {
        PqsUsers users = PqsUsers.create(dir.resolve("u.json"), 2);
        users.put(user("ops", "right", ShellPolicy.RAW, List.of(), null));
        users.login("ops", utf8("wrong"));
        assertThat(users.login("ops", utf8("right")).accepted()).isTrue();
        assertThat(users.login("ops", utf8("wrong")).outcome()).isEqualTo(LoginOutcome.DENIED);
        assertThat(users.login("nobody", utf8("right")).outcome()).isEqualTo(LoginOutcome.DENIED);
        assertThat(users.remove("ops")).isTrue();
        assertThat(users.login("ops", utf8("right")).outcome()).isEqualTo(LoginOutcome.DENIED);
    }

    @Test
    void aFileReadableByOthersOrMalformedIsRefusedWithTheReason() throws Exception {
        Path file = dir.resolve("u.json");
        PqsUsers.create(file, 3).put(user("ops", "x", ShellPolicy.NO_SHELL, List.of(), null));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> PqsUsers.open(file)).isInstanceOf(PqsUsersException.class)
                .hasMessageContaining("chmod 600");

        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"format\":\"pqs-users/1\",\"max-failures\":3,\"users\":[{\"name\":\"ops\","
                + "\"privilege\":1,\"policy\":\"restricted\",\"allow\":[],\"failures\":0,"
                + "\"argon2id\":{\"memory-kib\":8,\"iterations\":1,\"lanes\":1},"
                + "\"salt\":\"AAAAAAAAAAAAAAAAAAAAAA==\",\"verifier\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\"}]}");
        Files.setPosixFilePermissions(bad, PosixFilePermissions.fromString("rw-------"));
        assertThatThrownBy(() -> PqsUsers.open(bad)).isInstanceOf(PqsUsersException.class)
                .hasMessageContaining("user ops").hasMessageContaining("allowed verb");

        Files.writeString(bad, "{\"format\":\"other\"}");
        assertThatThrownBy(() -> PqsUsers.open(bad)).isInstanceOf(PqsUsersException.class)
                .hasMessageContaining("not a pqs-users/1 file");
    }

    @Test
    void twoHoldersOfTheFileSeeEachOthersChanges() throws Exception {
        Path file = dir.resolve("pqs-users.json");
        PqsUsers agent = PqsUsers.create(file, 3);
        agent.put(user("ops", "one", ShellPolicy.NO_SHELL, List.of(), null));
        PqsUsers cli = PqsUsers.open(file);
        cli.put(user("late", "two", ShellPolicy.NO_SHELL, List.of(), null));
        // the agent's failed-login write must not put back its stale copy without "late"
        assertThat(agent.login("ops", utf8("wrong")).outcome()).isEqualTo(LoginOutcome.DENIED);
        assertThat(agent.login("late", utf8("two")).accepted()).isTrue();
        assertThat(PqsUsers.open(file).list()).extracting(PqsUser::name).containsExactly("ops", "late");
        assertThat(PqsUsers.open(file).find("ops").failures()).isEqualTo(1);
        assertThat(cli.unlock("ops")).isTrue();
        assertThat(agent.find("ops").failures()).isZero();
    }

    @Test
    void policiesAreCheckedWhenAUserIsMade() {
        assertThatThrownBy(() -> user("ops", "x", ShellPolicy.FORCED, List.of(), null))
                .hasMessageContaining("forced command");
        assertThatThrownBy(() -> user("ops", "x", ShellPolicy.RESTRICTED, List.of("rm -rf"), null))
                .hasMessageContaining("plain command name");
        assertThatThrownBy(() -> user("Ops;", "x", ShellPolicy.RAW, List.of(), null))
                .hasMessageContaining("user name");
        assertThat(ShellPolicy.parse("no-shell")).isEqualTo(ShellPolicy.NO_SHELL);
    }
}
