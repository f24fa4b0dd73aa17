package io.pqagent.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ScenarioReaderTest {
    private static final String BASE = """
            name: t
            duration: 10s
            sites: [{name: a}, {name: b}]
            stages: [{name: s, site: b}]
            tunnels: [[a, b]]
            services: [{name: m, from: a, stage: s, face: modbus}]
            masters: [{name: x, service: m, slot: 0}]
            """;

    private static Scenario parse(String yaml) throws ScenarioException {
        return ScenarioReader.parse("t.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theBuiltInScenariosRead() throws Exception {
        Scenario d = ScenarioReader.builtIn("default");
        assertThat(d.sites()).containsExactly("control-centre", "substation-a", "substation-b");
        assertThat(d.masters()).hasSize(5);
        assertThat(d.events()).hasSize(3);
        assertThat(d.service("stage-b-modbus").orElseThrow().policy().orElseThrow()).contains("holding-registers");
        Scenario f = ScenarioReader.builtIn("faults");
        assertThat(f.events()).extracting(e -> e.getClass().getSimpleName())
                .contains("Kill", "Cut", "Revoke", "Rotate", "Flood", "Probe");
    }

    @Test
    void compressingScalesEventsAndDisruptions() throws Exception {
        Scenario d = ScenarioReader.builtIn("default").compressed(Duration.ofSeconds(30));
        Scenario.Kill k = (Scenario.Kill) d.events().get(1);
        assertThat(k.at()).isEqualTo(Duration.ofSeconds(10));
        assertThat(k.restartAfter()).contains(Duration.ofMillis(1500));
    }

    @Test
    void mistakesNameTheKey() {
        assertThatThrownBy(() -> parse(BASE + "colour: red\n")).hasMessageContaining("t.yaml: colour: unknown key");
        assertThatThrownBy(() -> parse(BASE.replace("slot: 0", "slot: 9"))).hasMessageContaining("masters[0].slot: 9 is not in 0..7");
        assertThatThrownBy(() -> parse(BASE.replace("stage: s, face", "stage: q, face")))
                .hasMessageContaining("services[0].stage: no stage 'q'");
        assertThatThrownBy(() -> parse(BASE + "events: [{at: 20s, revoke: b}]")).hasMessageContaining("events[0].at: after");
        assertThatThrownBy(() -> parse(BASE + "events: [{at: 2s, probe: x, slot: 0}]"))
                .hasMessageContaining("slot 0 is master x's");
        assertThatThrownBy(() -> parse(BASE + "events: [{at: 2s, kill: a, revoke: b}]")).hasMessageContaining("exactly one of");
        assertThatThrownBy(() -> parse(BASE.replace("duration: 10s", "duration: ten"))).hasMessageContaining("duration: 'ten'");
    }
}
