package io.pqagent.agent.pqs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommandPolicyTest {
    static PqsUser user(ShellPolicy policy, int privilege, List<String> verbs, String forced) {
        return new PqsUser("ops", privilege, policy, verbs, forced,
                PassphraseVerifier.create(new byte[] {1}, PqsUsersTest.CHEAP, new java.security.SecureRandom()), 0);
    }

    static final PqsUser NO_SHELL = user(ShellPolicy.NO_SHELL, 0, List.of(), null);
    static final PqsUser RESTRICTED = user(ShellPolicy.RESTRICTED, 1, List.of("uptime", "df"), null);
    static final PqsUser FORCED = user(ShellPolicy.FORCED, 1, List.of(), "/usr/bin/id -u");
    static final PqsUser RAW = user(ShellPolicy.RAW, 9, List.of(), null);

    @Test
    void noShellRunsBuiltinsOnly() {
        assertThat(CommandPolicy.decide(NO_SHELL, " status ")).isEqualTo(
                new CommandDecision.RunBuiltin(Builtin.STATUS, List.of()));
        CommandDecision d = CommandPolicy.decide(NO_SHELL, "uptime");
        assertThat(d).isInstanceOf(CommandDecision.Refused.class);
        assertThat(((CommandDecision.Refused) d).code()).isEqualTo(PqsErrorCode.NOT_PERMITTED);
    }

    @Test
    void restrictedRunsAllowListedVerbsWithTheirArguments() {
        assertThat(CommandPolicy.decide(RESTRICTED, "df -h /")).isEqualTo(
                new CommandDecision.RunProcess(List.of("df", "-h", "/")));
        assertThat(CommandPolicy.decide(RESTRICTED, "cat /etc/shadow")).isInstanceOf(CommandDecision.Refused.class);
        assertThat(CommandPolicy.decide(RESTRICTED, "peers")).isEqualTo(
                new CommandDecision.RunBuiltin(Builtin.PEERS, List.of()));
    }

    @Test
    void forcedRunsTheConfiguredCommandWhateverIsTyped() {
        assertThat(CommandPolicy.decide(FORCED, "anything at all")).isEqualTo(
                new CommandDecision.RunProcess(List.of("/usr/bin/id", "-u")));
    }

    @Test
    void rawGoesToTheShellWithMetacharacters() {
        assertThat(CommandPolicy.decide(RAW, "echo a | tr a b; ls")).isEqualTo(
                new CommandDecision.RunProcess(List.of("/bin/sh", "-c", "echo a | tr a b; ls")));
        assertThat(CommandPolicy.decide(RAW, "ratchet beta")).isEqualTo(
                new CommandDecision.RunBuiltin(Builtin.RATCHET, List.of("beta")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"uptime; rm -rf /", "df | nc x 1", "df && id", "df > /tmp/x", "df `id`", "df $(id)",
        "df $HOME", "df 'a b'", "df *", "df\nid", "df ~root", "df \\;", "uptime & sleep"})
    void metacharactersAreRefusedOutsideRawMode(String line) {
        for (PqsUser u : List.of(NO_SHELL, RESTRICTED, FORCED)) {
            CommandDecision d = CommandPolicy.decide(u, line);
            assertThat(d).isInstanceOf(CommandDecision.Refused.class);
            assertThat(((CommandDecision.Refused) d).code()).isEqualTo(PqsErrorCode.METACHARACTER);
            assertThat(((CommandDecision.Refused) d).reason()).contains("metacharacter");
        }
    }

    @Test
    void builtinsCheckPrivilegeAndArguments() {
        CommandDecision low = CommandPolicy.decide(NO_SHELL, "audit 5");
        assertThat(((CommandDecision.Refused) low).reason()).contains("needs privilege 2");
        assertThat(CommandPolicy.decide(RAW, "audit 5")).isEqualTo(
                new CommandDecision.RunBuiltin(Builtin.AUDIT, List.of("5")));
        assertThat(CommandPolicy.decide(RAW, "ratchet")).isInstanceOf(CommandDecision.Refused.class);
        assertThat(CommandPolicy.decide(NO_SHELL, "status now")).isInstanceOf(CommandDecision.Refused.class);
        assertThat(CommandPolicy.decide(NO_SHELL, "   ")).isInstanceOf(CommandDecision.Refused.class);
    }
}
