package io.pqagent.directory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.pqagent.directory.record.RecordFixtures;
import io.pqagent.qsmp.crypto.EntropySource;
import io.pqagent.qsmp.keys.KeyFiles;
import io.pqagent.qsmp.keys.KeyGeneration;
import io.pqagent.qsmp.keys.KeyId;
import io.pqagent.qsmp.keys.SigningKeyRecord;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator's whole workflow through {@code qsmp-directory}: init-authority, a replica served by a
 * separate process, register (directly and offline with --out/submit), list, show, revoke.
 */
class DirectoryCliTest {
    @TempDir
    Path dir;

    @Test
    void operatorWorkflow() throws Exception {
        Path authority = dir.resolve("authority");
        Path passphrase = dir.resolve("passphrase");
        Files.writeString(passphrase, "correct horse battery staple\n");
        Run init = run("init-authority", "--dir", authority.toString(), "--passphrase-file", passphrase.toString());
        assertThat(init.code).as(init.err).isZero();
        assertThat(init.out).contains("fingerprint (sha3-256): ");

        Path replicaKey = dir.resolve("server_secret_key.qskey");
        Path replicaPub = dir.resolve("server_public_key.qpkey");
        Path agentPub = dir.resolve("agent_public_key.qpkey");
        try (SigningKeyRecord server = KeyGeneration.generate(RecordFixtures.PEER_SET, KeyId.random(EntropySource.system()),
                RecordFixtures.EXPIRATION, EntropySource.system());
                SigningKeyRecord agent = KeyGeneration.generate(RecordFixtures.PEER_SET,
                        KeyId.random(EntropySource.system()), RecordFixtures.EXPIRATION, EntropySource.system())) {
            KeyFiles.writeQskey(replicaKey, server);
            KeyFiles.writeQpkey(replicaPub, server.publicRecord());
            KeyFiles.writeQpkey(agentPub, agent.publicRecord());
        }
        String agentKid = io.pqagent.qsmp.keys.KeyFiles.readQpkey(agentPub).keyId().toString();
        String pub = authority.resolve("authority.pub").toString();

        try (ServeProcess serve = ServeProcess.start(dir.resolve("serve.log"), "--store",
                "sqlite:" + dir.resolve("records.db"), "--authority-key", pub, "--key", replicaKey.toString(),
                "--bind", "127.0.0.1", "--port", "0")) {
            List<String> replica = List.of("--replica", "127.0.0.1:" + serve.port, "--replica-key", replicaPub.toString(),
                    "--authority-key", pub);

            Run register = run(with(replica, "register", "--authority", authority.toString(), "--passphrase-file",
                    passphrase.toString(), "--qpkey", agentPub.toString(), "--owner", "substation-b", "--site", "north",
                    "--role", "plc-gateway"));
            assertThat(register.code).as(register.err).isZero();
            assertThat(register.out).startsWith("stored " + agentKid).contains("owner=substation-b");

            Run list = run(with(replica, "list"));
            assertThat(list.out).contains(agentKid + "  active  owner=substation-b  site=north  roles=plc-gateway")
                    .contains("1 records");
            assertThat(run(with(replica, "show", "--owner", "substation-b")).out).contains(agentKid);

            // offline signing: the record goes to a file, another machine submits it
            Path record = dir.resolve("second.rec");
            Run offline = run("register", "--authority", authority.toString(), "--passphrase-file",
                    passphrase.toString(), "--qpkey", replicaPub.toString(), "--owner", "directory-1", "--out",
                    record.toString());
            assertThat(offline.code).as(offline.err).isZero();
            Run submit = run(with(replica, "submit", "--record", record.toString()));
            assertThat(submit.code).as(submit.err).isZero();
            assertThat(run(with(replica, "list")).out).contains("2 records");

            Run revoke = run(with(replica, "revoke", "--authority", authority.toString(), "--passphrase-file",
                    passphrase.toString(), "--kid", agentKid));
            assertThat(revoke.code).as(revoke.err).isZero();
            assertThat(run(with(replica, "show", "--kid", agentKid)).out).contains(agentKid + "  revoked");

            // a wrong passphrase: refused with its reason, the sealed key untouched
            byte[] sealed = Files.readAllBytes(authority.resolve("authority.key"));
            Path wrong = dir.resolve("wrong");
            Files.writeString(wrong, "wrong\n");
            Run refused = run(with(replica, "register", "--authority", authority.toString(), "--passphrase-file",
                    wrong.toString(), "--qpkey", agentPub.toString(), "--owner", "substation-b"));
            assertThat(refused.code).isEqualTo(1);
            assertThat(refused.err).contains("passphrase");
            assertThat(Files.readAllBytes(authority.resolve("authority.key"))).isEqualTo(sealed);

            // a show of an unknown key id names the error
            Run unknown = run(with(replica, "show", "--kid", "00000000000000000000000000000001"));
            assertThat(unknown.code).isEqualTo(1);
            assertThat(unknown.err).contains("no record is known for this key id");
        }
        // a second init into the same directory refuses to replace the authority
        assertThat(run("init-authority", "--dir", authority.toString(), "--passphrase-file", passphrase.toString()).code)
                .isEqualTo(2);
    }

    private static String[] with(List<String> common, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(common);
        return all.toArray(String[]::new);
    }

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = DirectoryMain.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
