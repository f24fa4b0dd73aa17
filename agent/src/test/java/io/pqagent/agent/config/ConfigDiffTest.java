package io.pqagent.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigDiffTest {
    private static final String BASE = ConfigFixture.MINIMAL + """
            peers:
              - {name: b, address: "10.0.0.20:31118"}
              - {name: c}
            services:
              - {name: plc, peer: b, protocol: modbus, local: "127.0.0.1:1502", target: "10.0.0.5:502"}
            expose:
              - {name: hist, peer: c, target: "192.168.10.7:5432"}
            """;

    @TempDir
    Path tmp;
    ConfigFixture fx;

    @BeforeEach
    void setUp() {
        fx = new ConfigFixture(tmp);
    }

    @Test
    void sameFileIsEmptyAndEveryEntryUnchanged() throws Exception {
        ConfigDiff d = ConfigDiff.between(fx.load(BASE), fx.load(BASE));

        assertThat(d.isEmpty()).isTrue();
        assertThat(d.peers().unchanged()).extracting(PeerConfig::name).containsExactly("b", "c");
        assertThat(d.services().unchanged()).extracting(ServiceConfig::name).containsExactly("plc");
        assertThat(d.expose().unchanged()).extracting(ExposeConfig::name).containsExactly("hist");
    }

    @Test
    void addedRemovedAndChangedPeersLeaveTheOthersUnchanged() throws Exception {
        AgentConfig before = fx.load(BASE);
        AgentConfig after = fx.load(BASE
                .replace("  - {name: c}\n", "  - {name: d}\n  - {name: c}\n")
                .replace("10.0.0.20:31118", "10.0.0.21:31118")
                .replace("expose:\n  - {name: hist, peer: c, target: \"192.168.10.7:5432\"}\n", ""));

        ConfigDiff d = ConfigDiff.between(before, after);

        assertThat(d.peers().added()).extracting(PeerConfig::name).containsExactly("d");
        assertThat(d.peers().removed()).isEmpty();
        assertThat(d.peers().changed()).singleElement().satisfies(ch -> {
            assertThat(ch.before().address()).contains(new HostPort("10.0.0.20", 31118));
            assertThat(ch.after().address()).contains(new HostPort("10.0.0.21", 31118));
        });
        assertThat(d.peers().unchanged()).extracting(PeerConfig::name).containsExactly("c");
        assertThat(d.services().unchanged()).extracting(ServiceConfig::name).containsExactly("plc");
        assertThat(d.expose().removed()).extracting(ExposeConfig::name).containsExactly("hist");
        assertThat(d.restartRequired()).isEmpty();
    }

    @Test
    void removedPeerAndItsServices() throws Exception {
        AgentConfig before = fx.load(BASE);
        AgentConfig after = fx.load(ConfigFixture.MINIMAL + "peers: [{name: c}]\n");

        ConfigDiff d = ConfigDiff.between(before, after);

        assertThat(d.peers().removed()).extracting(PeerConfig::name).containsExactly("b");
        assertThat(d.peers().unchanged()).extracting(PeerConfig::name).containsExactly("c");
        assertThat(d.services().removed()).extracting(ServiceConfig::name).containsExactly("plc");
        assertThat(d.expose().removed()).extracting(ExposeConfig::name).containsExactly("hist");
    }

    @Test
    void serviceChangesByPolicyOrPortAreChanges() throws Exception {
        AgentConfig before = fx.load(BASE);
        AgentConfig policy = fx.load(BASE.replace("target: \"10.0.0.5:502\"}", "target: \"10.0.0.5:502\", policy: {read-only: true}}"));
        AgentConfig port = fx.load(BASE.replace("127.0.0.1:1502", "127.0.0.1:1503"));

        assertThat(ConfigDiff.between(before, policy).services().changed()).hasSize(1);
        assertThat(ConfigDiff.between(before, port).services().changed()).singleElement()
                .satisfies(ch -> assertThat(ch.after().listen().port()).isEqualTo(1503));
        assertThat(ConfigDiff.between(before, port).peers().isEmpty()).isTrue();
    }

    @Test
    void changedPeerDefaultsChangeEveryPeerThatInheritsThem() throws Exception {
        AgentConfig before = fx.load(BASE);
        AgentConfig after = fx.load(BASE.replace("  - {name: c}\n", "  - {name: c, keep-alive: {interval: 30s}}\n")
                + "peer-defaults: {keep-alive: {interval: 10s}}\n");

        ConfigDiff d = ConfigDiff.between(before, after);

        assertThat(d.peers().changed()).extracting(ch -> ch.after().name()).containsExactly("b");
        assertThat(d.peers().unchanged()).extracting(PeerConfig::name).containsExactly("c");
    }

    @Test
    void settingsReadOnlyAtStartAreListedForRestart() throws Exception {
        AgentConfig before = fx.load(BASE);
        AgentConfig after = fx.load(BASE + "listen: {port: 4000}\nmac-mode: qmac\nlog: {level: debug}\n");

        ConfigDiff d = ConfigDiff.between(before, after);

        assertThat(d.restartRequired()).containsExactly("mac-mode", "listen", "log");
        assertThat(d.peers().isEmpty()).isTrue();
        assertThat(d.isEmpty()).isFalse();
    }
}
