package io.pqagent.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each kind of mistake is reported at the key that holds it, with what is wrong, in one line. */
class BadConfigTest {
    private static final String PEERS = "peers: [{name: substation-b}, {name: control-centre}]\n";

    @TempDir
    Path tmp;
    ConfigFixture fx;

    @BeforeEach
    void setUp() {
        fx = new ConfigFixture(tmp);
    }

    @Test
    void unknownTopLevelKeySuggestsTheKnownOne() {
        ConfigException e = fx.fail(ConfigFixture.MINIMAL + "lisen: {port: 1}\n");

        assertOnly(e, "lisen", "unknown key; did you mean 'listen'?");
    }

    @Test
    void unknownKeyFarFromAnyListsTheKnownKeys() {
        ConfigException e = fx.fail(ConfigFixture.MINIMAL + "frobnicate: 1\n");

        assertThat(single(e).key()).isEqualTo("frobnicate");
        assertThat(single(e).message()).startsWith("unknown key; known here: clock-offset-seconds, control-socket, directory,");
    }

    @Test
    void unknownNestedKeysAreNamedWithTheirPath() {
        ConfigException e = fx.fail(ConfigFixture.MINIMAL.replace("key: replica-1.qpkey", "kye: replica-1.qpkey")
                + "peers:\n  - name: b\n    adress: 10.0.0.2:31118\n");

        assertThat(e.problems()).extracting(ConfigProblem::key)
                .containsExactlyInAnyOrder("directory.replicas[0].kye", "directory.replicas[0].key", "peers[0].adress");
        assertThat(message(e, "peers[0].adress")).isEqualTo("unknown key; did you mean 'address'?");
        assertThat(message(e, "directory.replicas[0].key")).isEqualTo("is required");
    }

    @Test
    void wrongTypesNameTheKeyAndTheValue() {
        assertOnly(fx.fail(ConfigFixture.MINIMAL + "listen: {port: abc}\n"), "listen.port", "expected an integer, got 'abc'");
        assertOnly(fx.fail(ConfigFixture.MINIMAL + "listen: 0.0.0.0:31118\n"), "listen",
                "expected a section of keys, got '0.0.0.0:31118'");
        assertOnly(fx.fail(ConfigFixture.MINIMAL + "metrics: {enabled: 3}\n"), "metrics.enabled",
                "expected true or false, got the number 3");
        assertOnly(fx.fail(ConfigFixture.MINIMAL + "listen: {port: [1, 2]}\n"), "listen.port",
                "expected a single entry, got a list of 2 (or the key is repeated)");
        assertOnly(fx.fail(ConfigFixture.MINIMAL + "log: {level: {x: 1}}\n"), "log.level", "expected a value, got a section");
        assertOnly(fx.fail(ConfigFixture.MINIMAL.replace("substation-a", "yes")), "name",
                "expected text, got the boolean true (quote it if it is meant as text)");
    }

    @Test
    void missingIdentitySectionIsRequired() {
        ConfigException e = fx.fail(ConfigFixture.MINIMAL.replace("identity:\n  dir: identity\n  passphrase-file: passphrase\n", ""));

        assertOnly(e, "identity", "is required");
    }

    @Test
    void identityDirectoryWithoutCurrentIdentityIsReported() throws Exception {
        Files.delete(tmp.resolve("identity/current.qid"));

        ConfigException e = fx.fail(ConfigFixture.MINIMAL);

        assertThat(single(e).key()).isEqualTo("identity.dir");
        assertThat(single(e).message()).startsWith("no identity in ").endsWith("current.qid is missing or not readable");
    }

    @Test
    void identityNeedsExactlyOneUnlockSource() {
        assertOnly(fx.fail(ConfigFixture.MINIMAL.replace("  passphrase-file: passphrase\n", "")), "identity.passphrase-file",
                "set exactly one of identity.passphrase-file, identity.passphrase-env, identity.key-file");
        assertOnly(fx.fail(ConfigFixture.MINIMAL.replace("  passphrase-file: passphrase\n",
                "  passphrase-file: passphrase\n  key-file: identity.key\n")), "identity.key-file",
                "set exactly one of identity.passphrase-file, identity.passphrase-env, identity.key-file"
                        + " (found passphrase-file and key-file)");
        assertOnly(fx.fail(ConfigFixture.MINIMAL.replace("passphrase-file: passphrase", "passphrase-env: NOT_SET_HERE")),
                "identity.passphrase-env", "environment variable NOT_SET_HERE is not set");
    }

    @Test
    void badPortsAreOutOfRange() {
        assertOnly(fx.fail(ConfigFixture.MINIMAL + "listen: {port: 70000}\n"), "listen.port", "70000 is outside 1..65535");
        assertOnly(fx.fail(ConfigFixture.MINIMAL + "pqs: {port: 0}\n"), "pqs.port", "0 is outside 1..65535");
        assertOnly(fx.fail(ConfigFixture.MINIMAL + PEERS
                        + "services: [{name: s, peer: substation-b, local: '127.0.0.1:0', target: '10.0.0.5:502'}]\n"),
                "services[0].local", "port 0 is outside 1..65535");
    }

    @Test
    void badHostPortSaysWhatWasExpected() {
        assertOnly(fx.fail(ConfigFixture.MINIMAL + "peers: [{name: b, address: plc-gw}]\n"), "peers[0].address",
                "expected host:port (IPv6 in brackets), got 'plc-gw'");
        assertOnly(fx.fail(ConfigFixture.MINIMAL + "peers: [{name: b, address: 'bad_host!:80'}]\n"), "peers[0].address",
                "'bad_host!' is not a host name or IP address");
    }

    @Test
    void missingOrUnreadableKeyFilesNameTheKey() throws Exception {
        ConfigException missing = fx.fail(ConfigFixture.MINIMAL.replace("replica-1.qpkey", "nowhere.qpkey"));
        assertThat(single(missing).key()).isEqualTo("directory.replicas[0].key");
        assertThat(single(missing).message()).endsWith("nowhere.qpkey does not exist");

        Files.createDirectory(tmp.resolve("dir.qpkey"));
        ConfigException notFile = fx.fail(ConfigFixture.MINIMAL.replace("replica-1.qpkey", "dir.qpkey"));
        assertThat(single(notFile).message()).endsWith("dir.qpkey is not a regular file");

        Files.writeString(tmp.resolve("garbage.qpkey"), "not a key");
        ConfigException garbage = fx.fail(ConfigFixture.MINIMAL.replace("replica-1.qpkey", "garbage.qpkey"));
        assertThat(single(garbage).key()).isEqualTo("directory.replicas[0].key");
        assertThat(single(garbage).message()).startsWith("not a usable .qpkey file: ");

        Files.writeString(tmp.resolve("authority.pub"), "ML-DSA-87 AAAA\n");
        ConfigException authority = fx.fail(ConfigFixture.MINIMAL);
        assertThat(single(authority).key()).isEqualTo("directory.authority-key");
        assertThat(single(authority).message()).startsWith("not a usable authority key file: ");
    }

    @Test
    void passphraseFileMustExist() {
        ConfigException e = fx.fail(ConfigFixture.MINIMAL.replace("passphrase-file: passphrase", "passphrase-file: pass"));

        assertThat(single(e).key()).isEqualTo("identity.passphrase-file");
        assertThat(single(e).message()).endsWith("pass does not exist");
    }

    @Test
    void directoryNeedsAReplica() {
        String noReplicas = ConfigFixture.MINIMAL.substring(0, ConfigFixture.MINIMAL.indexOf("  replicas:"));

        assertOnly(fx.fail(noReplicas), "directory.replicas", "is required: at least one replica (address and key)");
    }

    @Test
    void serviceNamingAnUnknownPeer() {
        ConfigException e = fx.fail(ConfigFixture.MINIMAL + PEERS + """
                services: [{name: s, peer: substation-x, local: '127.0.0.1:1502', target: '10.0.0.5:502'}]
                expose: [{name: h, peer: nobody, target: '10.0.0.7:80'}]
                """);

        assertThat(e.problems()).extracting(ConfigProblem::key).containsExactly("services[0].peer", "expose[0].peer");
        assertThat(message(e, "services[0].peer"))
                .isEqualTo("no peer named 'substation-x' under peers (configured: control-centre, substation-b)");
    }

    @Test
    void duplicateNamesAreReportedAtTheSecond() {
        assertOnly(fx.fail(ConfigFixture.MINIMAL + "peers: [{name: b}, {name: c}, {name: b}]\n"), "peers[2].name",
                "duplicate peer name 'b' (also at peers[0])");
        assertOnly(fx.fail(ConfigFixture.MINIMAL + PEERS + """
                services: [{name: s, peer: substation-b, local: '127.0.0.1:1502', target: '10.0.0.5:502'}]
                expose: [{name: s, peer: control-centre, target: '10.0.0.7:80'}]
                """), "expose[0].name", "duplicate service name 's' (also at services[0])");
        assertOnly(fx.fail(ConfigFixture.MINIMAL + "peers: [{name: substation-a}]\n"), "peers[0].name",
                "'substation-a' is this agent's own name");
        assertOnly(fx.fail(ConfigFixture.MINIMAL + PEERS + """
                expose: [{name: x, peer: substation-b, target: '10.0.0.7:80'}, {name: y, peer: substation-b, target: '10.0.0.7:80'}]
                """), "expose[1].target", "10.0.0.7:80 is already exposed to peer 'substation-b' at expose[0]");
    }

    @Test
    void clashingLocalPorts() {
        assertOnly(fx.fail(ConfigFixture.MINIMAL + PEERS + """
                services:
                  - {name: a, peer: substation-b, local: '127.0.0.1:1502', target: '10.0.0.5:502'}
                  - {name: b, peer: substation-b, local: '127.0.0.1:1502', target: '10.0.0.6:502'}
                """), "services[1].local", "127.0.0.1:1502 clashes with services[0].local (127.0.0.1:1502)");
        assertOnly(fx.fail(ConfigFixture.MINIMAL + PEERS + """
                services: [{name: a, peer: substation-b, local: '127.0.0.1:31118', target: '10.0.0.5:502'}]
                """), "services[0].local", "127.0.0.1:31118 clashes with listen.port (0.0.0.0:31118)");
        assertOnly(fx.fail(ConfigFixture.MINIMAL + "metrics: {enabled: true, port: 31118}\n"), "metrics.port",
                "127.0.0.1:31118 clashes with listen.port (0.0.0.0:31118)");
    }

    @Test
    void differentAddressesMayShareAPort() throws Exception {
        AgentConfig c = fx.load(ConfigFixture.MINIMAL + PEERS + """
                services:
                  - {name: a, peer: substation-b, local: '127.0.0.1:1502', target: '10.0.0.5:502'}
                  - {name: b, peer: substation-b, local: '127.0.0.2:1502', target: '10.0.0.6:502'}
                metrics: {enabled: false, port: 31118}
                """);

        assertThat(c.services()).hasSize(2);
    }

    @Test
    void unknownProtocolMacModeLogLevelAndRefusedParameterSets() {
        assertOnly(fx.fail(ConfigFixture.MINIMAL + PEERS
                        + "expose: [{name: x, peer: substation-b, protocol: profinet, target: 'h:1'}]\n"),
                "expose[0].protocol", "unknown protocol 'profinet' (raw, modbus, dnp3, opcua)");
        assertOnly(fx.fail(ConfigFixture.MINIMAL + "mac-mode: hmac\n"), "mac-mode", "unknown MAC mode 'hmac' (kmac or qmac)");
        assertOnly(fx.fail(ConfigFixture.MINIMAL + "rcs-rounds: fast\n"), "rcs-rounds",
                "unknown RCS rounds 'fast' (auto, table or constant-time)");
        assertOnly(fx.fail(ConfigFixture.MINIMAL + "log: {level: verbose}\n"), "log.level",
                "unknown log level 'verbose' (trace, debug, info, warn, error)");
        ConfigException kyber6 = fx.fail(ConfigFixture.MINIMAL + "parameter-set: dilithium-s5_kyber-s6_sha3_rcs\n");
        assertThat(single(kyber6).key()).isEqualTo("parameter-set");
        assertThat(single(kyber6).message()).contains("Kyber k=5 is non-standard");
        ConfigException flagged = fx.fail(ConfigFixture.MINIMAL + "parameter-set: dilithium-s5_mceliece-s5_sha3_rcs\n");
        assertThat(single(flagged).message()).contains("is flagged");
    }

    @Test
    void durationsAndSizesOutOfRangeOrMalformed() {
        assertOnly(fx.fail(ConfigFixture.MINIMAL + "peers: [{name: b, ratchet: {symmetric-after: 500ms}}]\n"),
                "peers[0].ratchet.symmetric-after", "500ms is outside 1s..7d");
        assertOnly(fx.fail(ConfigFixture.MINIMAL + "peers: [{name: b, ratchet: {symmetric-after: 15 minutes}}]\n"),
                "peers[0].ratchet.symmetric-after",
                "expected a duration such as 30s, 15m, 24h or 7d (units ms, s, m, h, d), got '15 minutes'");
        assertOnly(fx.fail(ConfigFixture.MINIMAL + "peer-defaults: {ratchet: {symmetric-after-bytes: 512}}\n"),
                "peer-defaults.ratchet.symmetric-after-bytes", "512B is outside 1KiB..1TiB");
        assertOnly(fx.fail(ConfigFixture.MINIMAL + "peer-defaults: {ratchet: {symmetric-after-bytes: 1GB2}}\n"),
                "peer-defaults.ratchet.symmetric-after-bytes",
                "expected a size such as 1GiB, 512MiB or 1000000 (bytes), got '1GB2'");
        assertOnly(fx.fail(ConfigFixture.MINIMAL + "peers: [{name: b, keep-alive: {interval: 2m}}]\n"),
                "peers[0].keep-alive.timeout", "90s must be longer than the interval 2m");
        assertOnly(fx.fail(ConfigFixture.MINIMAL + "clock-offset-seconds: 90000\n"), "clock-offset-seconds",
                "90000 is outside -86400..86400");
    }

    @Test
    void yamlSyntaxAndDuplicateKeysNameTheLine() {
        ConfigException dup = fx.fail(ConfigFixture.MINIMAL + "name: other\n");
        assertThat(single(dup).key()).isEmpty();
        assertThat(single(dup).message()).startsWith("YAML syntax error at line 10").contains("duplicate key name");

        ConfigException list = fx.fail("- a\n- b\n");
        assertThat(single(list).message()).startsWith("the file must be a YAML mapping");
    }

    @Test
    void emptyOrMissingFile() {
        ConfigException e = fx.fail("");
        assertThat(e.problems()).extracting(ConfigProblem::key).contains("name", "identity", "directory");

        Path absent = tmp.resolve("absent.yaml");
        try {
            new ConfigLoader(ConfigFixture.ENV::get).read(absent);
            throw new AssertionError("loaded a missing file");
        } catch (ConfigException missing) {
            assertThat(missing.getMessage()).isEqualTo(absent + ": does not exist");
        }
    }

    @Test
    void everyProblemIsReportedAndTheFirstLineNamesFileKeyAndProblem() {
        ConfigException e = fx.fail(ConfigFixture.MINIMAL + "listen: {port: 0}\nmac-mode: x\n");

        assertThat(e.problems()).hasSize(2);
        String firstLine = e.getMessage().lines().findFirst().orElseThrow();
        assertThat(firstLine).isEqualTo(tmp.resolve("agent.yaml") + ": listen.port: 0 is outside 1..65535");
        assertThat(e.getMessage().lines()).hasSize(2);
    }

    private static void assertOnly(ConfigException e, String key, String message) {
        assertThat(e.problems()).as(e.getMessage()).hasSize(1);
        assertThat(e.problems().get(0).key()).as(e.getMessage()).isEqualTo(key);
        assertThat(e.problems().get(0).message()).isEqualTo(message);
    }

    private static ConfigProblem single(ConfigException e) {
        assertThat(e.problems()).as(e.getMessage()).hasSize(1);
        return e.problems().get(0);
    }

    private static String message(ConfigException e, String key) {
        return e.problems().stream().filter(p -> p.key().equals(key)).findFirst().orElseThrow().message();
    }
}
