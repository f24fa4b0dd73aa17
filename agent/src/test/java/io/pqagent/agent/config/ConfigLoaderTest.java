package io.pqagent.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.pqagent.qsmp.crypto.BlockPath;
import io.pqagent.qsmp.crypto.MacMode;
import io.pqagent.qsmp.crypto.ParameterSet;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path tmp;
    ConfigFixture fx;

    @BeforeEach
    void setUp() {
        fx = new ConfigFixture(tmp);
    }

    @Test
    void readsEverySettingOfAFullFile() throws Exception {
        AgentConfig c = fx.load("""
                name: substation-a
                identity:
                  dir: identity
                  passphrase-env: AGENT_PASS
                clock-offset-seconds: -18000
                mac-mode: qmac
                rcs-rounds: constant-time
                parameter-set: dilithium-s3_kyber-s3_sha3_rcs
                listen: {address: 10.0.0.10, port: 4000}
                directory:
                  authority-key: authority.pub
                  cache: state/cache.db
                  replicas:
                    - {address: 10.0.0.2:31120, key: replica-1.qpkey}
                    - {address: "[fd00::2]:31120", key: replica-2.qpkey}
                peer-defaults:
                  ratchet: {symmetric-after: 10m, symmetric-after-bytes: 512MiB, asymmetric-every: 12h}
                  keep-alive: {interval: 20s, timeout: 1m}
                peers:
                  - name: substation-b
                    address: plc-gw.example:31118
                    ratchet: {symmetric-after-bytes: 2GiB}
                  - name: control-centre
                    keep-alive: {timeout: 2m}
                services:
                  - name: plc-b
                    peer: substation-b
                    protocol: modbus
                    local: 127.0.0.1:1502
                    target: 10.0.0.5:502
                    policy:
                      read-only: true
                      unit-ids: [1, 2]
                      limits: {max-pdu: 253}
                expose:
                  - name: historian
                    peer: control-centre
                    protocol: opcua
                    target: 192.168.10.7:4840
                metrics: {enabled: true, address: 0.0.0.0, port: 9100}
                log: {level: debug, audit-log: /var/log/audit.jsonl}
                control-socket: run/control.sock
                pqs: {enabled: true, port: 3119}
                """);

        assertThat(c.source()).isEqualTo(tmp.resolve("agent.yaml").toAbsolutePath());
        assertThat(c.name()).isEqualTo("substation-a");
        assertThat(c.identity()).isEqualTo(new IdentityConfig(abs("identity"), new UnlockSource.PassphraseEnv("AGENT_PASS")));
        assertThat(c.clockOffsetSeconds()).isEqualTo(-18000);
        assertThat(c.macMode()).isEqualTo(MacMode.QMAC);
        assertThat(c.rcsRounds()).isEqualTo(BlockPath.CONSTANT_TIME);
        assertThat(c.parameterSet()).isEqualTo(ParameterSet.DILITHIUM_S3_KYBER_S3);
        assertThat(c.listen()).isEqualTo(new HostPort("10.0.0.10", 4000));
        assertThat(c.directory()).isEqualTo(new DirectoryConfig(abs("authority.pub"), abs("state/cache.db"), List.of(
                new ReplicaConfig(new HostPort("10.0.0.2", 31120), abs("replica-1.qpkey")),
                new ReplicaConfig(new HostPort("fd00::2", 31120), abs("replica-2.qpkey")))));
        assertThat(c.peers()).containsExactly(
                new PeerConfig("substation-b", Optional.of(new HostPort("plc-gw.example", 31118)),
                        new RatchetSchedule(Duration.ofMinutes(10), 2L << 30, Duration.ofHours(12)),
                        new KeepAlive(Duration.ofSeconds(20), Duration.ofMinutes(1))),
                new PeerConfig("control-centre", Optional.empty(),
                        new RatchetSchedule(Duration.ofMinutes(10), 512L << 20, Duration.ofHours(12)),
                        new KeepAlive(Duration.ofSeconds(20), Duration.ofMinutes(2))));
        ServiceConfig plc = c.services().get(0);
        assertThat(plc.name()).isEqualTo("plc-b");
        assertThat(plc.peer()).isEqualTo("substation-b");
        assertThat(plc.protocol()).isEqualTo(ServiceProtocol.MODBUS);
        assertThat(plc.listen()).isEqualTo(new HostPort("127.0.0.1", 1502));
        assertThat(plc.target()).isEqualTo(new HostPort("10.0.0.5", 502));
        assertThat(plc.policy().tree()).isEqualTo(Map.of(
                "read-only", true, "unit-ids", List.of(1, 2), "limits", Map.of("max-pdu", 253)));
        assertThat(c.expose()).containsExactly(new ExposeConfig("historian", "control-centre", ServiceProtocol.OPCUA,
                new HostPort("192.168.10.7", 4840), ServicePolicy.EMPTY));
        assertThat(c.exposed("control-centre", new HostPort("192.168.10.7", 4840))).isPresent();
        assertThat(c.exposed("substation-b", new HostPort("192.168.10.7", 4840))).isEmpty();
        assertThat(c.servicesOf("substation-b")).containsExactly(plc);
        assertThat(c.metrics()).isEqualTo(new MetricsConfig(true, new HostPort("0.0.0.0", 9100)));
        assertThat(c.log()).isEqualTo(new LogConfig(LogLevel.DEBUG, Optional.of(Path.of("/var/log/audit.jsonl"))));
        assertThat(c.controlSocket()).isEqualTo(abs("run/control.sock"));
        assertThat(c.pqs()).isEqualTo(new PqsConfig(true, 3119));
    }

    @Test
    void fillsDefaultsForAMinimalFile() throws Exception {
        AgentConfig c = fx.load(ConfigFixture.MINIMAL);

        assertThat(c.identity().unlock()).isEqualTo(new UnlockSource.PassphraseFile(abs("passphrase")));
        assertThat(c.clockOffsetSeconds()).isZero();
        assertThat(c.macMode()).isEqualTo(MacMode.KMAC);
        assertThat(c.rcsRounds()).isEqualTo(BlockPath.AUTO);
        assertThat(c.parameterSet()).isEqualTo(ParameterSet.DILITHIUM_S5_KYBER_S5);
        assertThat(c.listen()).isEqualTo(new HostPort("0.0.0.0", 31118));
        assertThat(c.directory().cache()).isEqualTo(Path.of("/var/lib/qsmp-agent/directory.cache"));
        assertThat(c.peers()).isEmpty();
        assertThat(c.services()).isEmpty();
        assertThat(c.expose()).isEmpty();
        assertThat(c.metrics()).isEqualTo(new MetricsConfig(false, new HostPort("127.0.0.1", 9464)));
        assertThat(c.log()).isEqualTo(new LogConfig(LogLevel.INFO, Optional.empty()));
        assertThat(c.controlSocket()).isEqualTo(Path.of("/run/qsmp-agent/control.sock"));
        assertThat(c.pqs()).isEqualTo(new PqsConfig(false, 3119));
    }

    @Test
    void peersWithoutOwnSettingsGetTheIssueDefaults() throws Exception {
        AgentConfig c = fx.load(ConfigFixture.MINIMAL + "peers:\n  - name: substation-b\n");

        PeerConfig b = c.peer("substation-b").orElseThrow();
        assertThat(b.ratchet()).isEqualTo(new RatchetSchedule(Duration.ofMinutes(15), 1L << 30, Duration.ofHours(24)));
        assertThat(b.keepAlive()).isEqualTo(new KeepAlive(Duration.ofSeconds(30), Duration.ofSeconds(90)));
        assertThat(b.address()).isEmpty();
    }

    @Test
    void servicesDefaultToRawWithAnEmptyPolicy() throws Exception {
        AgentConfig c = fx.load(ConfigFixture.MINIMAL + """
                peers: [{name: b}]
                services: [{name: s, peer: b, local: "127.0.0.1:1502", target: "10.0.0.5:502"}]
                """);

        assertThat(c.services().get(0).protocol()).isEqualTo(ServiceProtocol.RAW);
        assertThat(c.services().get(0).policy()).isEqualTo(ServicePolicy.EMPTY);
    }

    @Test
    void resolvesRelativePathsAgainstTheFileDirectoryNotTheWorkingDirectory() throws Exception {
        Path file = fx.write("etc/qsmp/agent.yaml", """
                name: a
                identity: {dir: ../../identity, key-file: ../../identity.key}
                directory:
                  authority-key: ../../authority.pub
                  cache: cache.db
                  replicas: [{address: "r:31120", key: ../../replica-2.qpkey}]
                log: {audit-log: logs/audit.jsonl}
                """);

        AgentConfig c = new ConfigLoader(ConfigFixture.ENV::get).read(file);

        Path etc = tmp.resolve("etc/qsmp").toAbsolutePath();
        assertThat(c.identity().dir()).isEqualTo(abs("identity"));
        assertThat(c.identity().unlock()).isEqualTo(new UnlockSource.KeyFile(abs("identity.key")));
        assertThat(c.directory().authorityKey()).isEqualTo(abs("authority.pub"));
        assertThat(c.directory().cache()).isEqualTo(etc.resolve("cache.db"));
        assertThat(c.directory().replicas().get(0).key()).isEqualTo(abs("replica-2.qpkey"));
        assertThat(c.log().auditLog()).contains(etc.resolve("logs/audit.jsonl"));
    }

    @Test
    void acceptsEveryProtocolName() throws Exception {
        for (String p : List.of("raw", "modbus", "dnp3", "opcua")) {
            AgentConfig c = fx.load(ConfigFixture.MINIMAL + "peers: [{name: b}]\n"
                    + "expose: [{name: x, peer: b, protocol: " + p + ", target: \"h:1\"}]\n");
            assertThat(c.expose().get(0).protocol().configName()).isEqualTo(p);
        }
    }

    @Test
    void oneElementPolicyListsReadAsListsThroughValues() throws Exception {
        AgentConfig c = fx.load(ConfigFixture.MINIMAL + """
                peers: [{name: b}]
                expose:
                  - name: x
                    peer: b
                    target: "h:1"
                    policy: {unit-ids: [7], functions: [3, 4], nested: {k: v}}
                """);

        ServicePolicy policy = c.expose().get(0).policy();
        assertThat(policy.values("unit-ids")).containsExactly(7);
        assertThat(policy.values("functions")).containsExactly(3, 4);
        assertThat(policy.values("absent")).isEmpty();
        assertThat(policy.section("nested").get("k")).contains("v");
    }

    private Path abs(String relative) {
        return tmp.resolve(relative).toAbsolutePath().normalize();
    }
}
