package io.pqagent.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.pqagent.agent.testing.AgentFleet;
import io.pqagent.keystore.Argon2Cost;
import io.pqagent.keystore.IdentityStore;
import io.pqagent.keystore.IdentityPolicy;
import io.pqagent.keystore.Unlock;
import io.pqagent.qsmp.crypto.EntropySource;
import io.pqagent.qsmp.keys.KeyFiles;
import io.pqagent.qsmp.keys.PublicKeyRecord;
import io.pqagent.qsmp.wire.Clock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code qsmp-agent keys show|rotate} on real identity files, no agent running, a directory replica in this
 * JVM: every step of a rotation, each repeated, each out of order, and the ways to get it wrong.
 */
class KeysCommandTest {
    private static final Pattern KEY_ID = Pattern.compile("next identity ([0-9a-f]{32})");

    @TempDir
    Path dir;

    private AgentFleet fleet;
    private Path config;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void oneAgent() throws Exception {
        fleet = new AgentFleet(dir);
        fleet.enrol("bravo");
        config = fleet.config("bravo", AgentFleet.freePort(), "");
    }

    @AfterEach
    void close() throws Exception {
        fleet.close();
    }

    @Test
    void aWholeRotationStepByStep() throws Exception {
        String first = fleet.records.get("bravo").keyId().toString();
        assertThat(keys("show")).isZero();
        assertThat(stdout()).contains("key id   " + first).contains("phase    STEADY")
                .contains("no agent is running");

        // step 1: a next key and its .qpkey; again: the same key, nothing new
        Path qpkey = dir.resolve("bravo-next.qpkey");
        assertThat(keys("rotate", "--out", qpkey.toString())).isZero();
        String next = nextKeyId(stdout());
        assertThat(stdout()).contains("phase PREPARED").contains("qsmp-directory register --qpkey " + qpkey)
                .contains("no agent is running");
        PublicKeyRecord written = KeyFiles.readQpkey(qpkey);
        assertThat(written.keyId().toString()).isEqualTo(next);
        assertThat(keys("rotate", "--out", qpkey.toString())).isZero();
        assertThat(stdout()).contains("next identity " + next + " is already prepared").contains("no new key made")
                .contains("public key already in " + qpkey);
        assertThat(keys("rotate")).as("the default .qpkey beside the configuration").isZero();
        assertThat(config.resolveSibling("bravo_" + next + "_public_key.qpkey")).isRegularFile();
        assertThat(keys("show")).isZero();
        assertThat(stdout()).contains("key id   " + first).contains("phase    PREPARED")
                .containsPattern("next +" + next + " .* not published  accepted")
                .containsPattern("current +" + first + " +expires [^ ]+  accepted");

        // a .qpkey of another key under the chosen name is never overwritten
        Path other = dir.resolve("other.qpkey");
        KeyFiles.writeQpkey(other, fleet.replicaKey.publicRecord());
        assertThat(keys("rotate", "--out", other.toString())).isEqualTo(1);
        assertThat(stderr()).contains(other + " exists and holds another key");
        assertThat(KeyFiles.readQpkey(other)).isEqualTo(fleet.replicaKey.publicRecord());

        // step 2: refused until the directory lists the key, then done; again: already done
        assertThat(keys("rotate", "--published")).isEqualTo(1);
        assertThat(stderr()).contains("not marking " + next + " published: key " + next
                + " is not in the directory yet").contains("--force").doesNotContain("\n\n");
        assertThat(stderr().strip().lines()).hasSize(1);
        fleet.register("bravo", written);
        assertThat(keys("rotate", "--published")).isZero();
        assertThat(stdout()).contains("the directory lists " + next + " for bravo")
                .contains("next identity " + next + " published: phase OVERLAP");
        assertThat(keys("rotate", "--published")).isZero();
        assertThat(stdout()).contains("is already published");
        assertThat(keys("rotate")).as("no second rotation while one is under way").isEqualTo(1);
        assertThat(stderr()).contains("a rotation is under way");
        assertThat(keys("show")).isZero();
        assertThat(stdout()).contains("key id   " + next).contains("phase    OVERLAP")
                .containsPattern("current +" + first + " .* accepted").containsPattern("next +" + next + " .* published ");

        // step 3: early retirement; again: nothing to retire
        assertThat(keys("rotate", "--retire")).isZero();
        assertThat(stdout()).contains("identity " + first + " retired early").contains(next + " is current")
                .contains("qsmp-directory revoke --kid " + first);
        assertThat(dir.resolve("bravo/identity/retired/" + first + ".qid")).isRegularFile();
        assertThat(keys("rotate", "--retire")).isEqualTo(1);
        assertThat(stderr()).contains("nothing to retire: there is only one identity");
        assertThat(keys("show")).isZero();
        assertThat(stdout()).contains("key id   " + next).contains("phase    STEADY").doesNotContain(first);
    }

    @Test
    void outOfOrderStepsAndUsageMistakesAreOneLineRefusals() throws Exception {
        assertThat(keys("rotate", "--published")).isEqualTo(1);
        assertThat(stderr()).contains("nothing to publish: no next identity is prepared");
        assertThat(keys("rotate", "--retire")).isEqualTo(1);
        assertThat(stderr()).contains("nothing to retire");
        assertThat(keys("rotate", "--out", dir.resolve("n.qpkey").toString())).isZero();
        assertThat(keys("rotate", "--retire")).isEqualTo(1);
        assertThat(stderr()).contains("the next identity is not published yet");
        assertThat(keys("rotate", "--published", "--retire")).isEqualTo(2);
        assertThat(stderr()).contains("mutually exclusive");
        assertThat(keys("rotate", "--force")).isEqualTo(2);
        assertThat(stderr()).contains("--force goes with --published only");
        assertThat(keys("rotate", "--days", "0")).isEqualTo(2);
        assertThat(stderr()).contains("--days must be");
        assertThat(keys("rotate", "--published", "--out", "x.qpkey")).isEqualTo(2);
        assertThat(stderr()).contains("--days and --out go with the first step");
        // the directory check can be skipped on purpose
        assertThat(keys("rotate", "--published", "--force")).isZero();
        assertThat(stdout()).contains("phase OVERLAP").doesNotContain("the directory lists");
    }

    @Test
    void aWrongPassphraseOrNoIdentityIsNamed() throws Exception {
        Path home = Files.createDirectories(dir.resolve("charlie"));
        try (Unlock unlock = Unlock.passphrase("the right one".toCharArray(), new Argon2Cost(256, 1, 1));
                IdentityStore store = new IdentityStore(home.resolve("identity"),
                        IdentityPolicy.of(AgentFleet.SET), Clock.system(0), EntropySource.system())) {
            store.create(unlock, 30);
        }
        Path passphrase = home.resolve("passphrase");
        Files.writeString(passphrase, "the wrong one\n");
        Files.setPosixFilePermissions(passphrase, PosixFilePermissions.fromString("rw-------"));
        Path charlie = fleet.config("charlie", AgentFleet.freePort(), "");
        Files.writeString(charlie, Files.readString(charlie).replace("key-file: identity.key", "passphrase-file: passphrase"));

        assertThat(run("keys", "rotate", "--config", charlie.toString())).isEqualTo(1);
        assertThat(stderr()).startsWith("qsmp-agent: cannot open the identity in " + home.resolve("identity"))
                .contains("wrong passphrase or key file");
        assertThat(stderr().strip().lines()).hasSize(1);
        assertThat(run("keys", "show", "--config", charlie.toString())).isEqualTo(1);
        assertThat(stderr()).contains("wrong passphrase or key file");
        assertThat(home.resolve("identity/next.qid")).doesNotExist();

        Files.delete(home.resolve("identity/current.qid"));
        assertThat(run("keys", "rotate", "--config", charlie.toString())).isEqualTo(2);
        assertThat(stderr()).contains("identity.dir").contains("no identity in");
    }

    private int keys(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "keys";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--config";
        all[args.length + 2] = config.toString();
        return run(all);
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        int code = AgentMain.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return code;
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static String nextKeyId(String text) {
        Matcher m = KEY_ID.matcher(text);
        assertThat(m.find()).as(text).isTrue();
        return m.group(1);
    }
}
