package io.pqagent.qsmp.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakDetector.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LeakDetectionTest {
    private Level before;
    private String property;

    @BeforeEach
    void remember() {
        before = ResourceLeakDetector.getLevel();
        property = System.getProperty(LeakDetection.LEVEL_PROPERTY);
    }

    @AfterEach
    void restore() {
        ResourceLeakDetector.setLevel(before);
        if (property == null) {
            System.clearProperty(LeakDetection.LEVEL_PROPERTY);
        } else {
            System.setProperty(LeakDetection.LEVEL_PROPERTY, property);
        }
    }

    @Test
    void aProgramStartedWithoutTheSettingRunsWithoutSampledTraces() {
        System.clearProperty(LeakDetection.LEVEL_PROPERTY);
        ResourceLeakDetector.setLevel(Level.SIMPLE);
        assertThat(LeakDetection.offUnlessAsked()).isEqualTo(Level.DISABLED);
        assertThat(ResourceLeakDetector.getLevel()).isEqualTo(Level.DISABLED);
    }

    @Test
    void anOperatorWhoAsksForALevelKeepsIt() {
        System.setProperty(LeakDetection.LEVEL_PROPERTY, "paranoid");
        ResourceLeakDetector.setLevel(Level.PARANOID); // what Netty read from the property at start-up
        assertThat(LeakDetection.offUnlessAsked()).isEqualTo(Level.PARANOID);
    }
}
