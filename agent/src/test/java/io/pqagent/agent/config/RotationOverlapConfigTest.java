package io.pqagent.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code identity.rotation-overlap}: seven days unless set, and a value out of range names the key. */
class RotationOverlapConfigTest {
    @TempDir
    java.nio.file.Path tmp;

    @Test
    void defaultsToSevenDaysAndTakesAnyDurationInRange() throws Exception {
        ConfigFixture fx = new ConfigFixture(tmp);
        assertThat(fx.load(ConfigFixture.MINIMAL).identity().rotationOverlap()).isEqualTo(Duration.ofDays(7));
        String twoSeconds = ConfigFixture.MINIMAL.replace("  passphrase-file: passphrase\n",
                "  passphrase-file: passphrase\n  rotation-overlap: 2s\n");
        assertThat(twoSeconds).isNotEqualTo(ConfigFixture.MINIMAL);
        assertThat(fx.load(twoSeconds).identity().rotationOverlap()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void anOverlapOutOfRangeIsReportedAtItsKey() {
        ConfigFixture fx = new ConfigFixture(tmp);
        ConfigException e = fx.fail(ConfigFixture.MINIMAL.replace("  passphrase-file: passphrase\n",
                "  passphrase-file: passphrase\n  rotation-overlap: 400d\n"));
        assertThat(e.problems()).extracting(ConfigProblem::key).containsExactly("identity.rotation-overlap");
        assertThat(e.problems().get(0).message()).contains("365d");
    }
}
