package io.pqagent.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** deploy/config/agent.example.yaml loads, once its absolute paths point at files that exist. */
class ExampleConfigTest {
    /** Surefire runs in the module directory, agent/. */
    private static final Path EXAMPLE = Path.of("../deploy/config/agent.example.yaml");

    @TempDir
    Path tmp;

    @Test
    void exampleFileIsValid() throws Exception {
        assertThat(EXAMPLE).as("the example configuration").isRegularFile();
        ConfigFixture fx = new ConfigFixture(tmp);
        Path etc = Files.createDirectories(tmp.resolve("etc"));
        Files.copy(tmp.resolve("passphrase"), etc.resolve("passphrase"));
        Files.copy(tmp.resolve("authority.pub"), etc.resolve("authority.pub"));
        Files.copy(tmp.resolve("replica-1.qpkey"), etc.resolve("replica-1.qpkey"));
        Files.copy(tmp.resolve("replica-2.qpkey"), etc.resolve("replica-2.qpkey"));
        String text = Files.readString(EXAMPLE)
                .replace("/etc/qsmp-agent/", etc + "/")
                .replace("/var/lib/qsmp-agent/identity", tmp.resolve("identity").toString());

        AgentConfig c = new ConfigLoader(ConfigFixture.ENV::get).read(fx.write(text));

        assertThat(c.name()).isEqualTo("substation-a");
        assertThat(c.peers()).extracting(PeerConfig::name).containsExactly("substation-b", "control-centre");
        assertThat(c.services()).extracting(ServiceConfig::name).containsExactly("plc-b-modbus");
        assertThat(c.expose()).extracting(ExposeConfig::name).containsExactly("historian");
        assertThat(c.peer("substation-b").orElseThrow().ratchet())
                .isEqualTo(new RatchetSchedule(java.time.Duration.ofMinutes(5), 1L << 30, java.time.Duration.ofHours(24)));
        // the example documents the defaults: a file with none of the optional keys loads to the same values
        assertThat(c.listen()).isEqualTo(new HostPort("0.0.0.0", AgentConfig.DEFAULT_PORT));
        assertThat(c.metrics()).isEqualTo(MetricsConfig.DEFAULT);
        assertThat(c.pqs()).isEqualTo(PqsConfig.DEFAULT);
        assertThat(c.peer("control-centre").orElseThrow().ratchet()).isEqualTo(RatchetSchedule.DEFAULT);
    }
}
