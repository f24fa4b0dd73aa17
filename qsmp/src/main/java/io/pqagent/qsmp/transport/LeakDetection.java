package io.pqagent.qsmp.transport;

import io.netty.util.ResourceLeakDetector;
import java.util.List;

/**
 * Netty's buffer-leak detector, for the programs' {@code main} methods. By default it samples one buffer
 * allocation in 128 and records a stack trace for it, a stack walk of 20–40 µs inside the message path.
 * An agent allocates two buffers per relayed message (the read, and the direct copy for the write), so
 * about one message in 64 took 40 µs in the agent instead of 6: a syscall trace during
 * {@code qsmp-agent bench} put it at the 99th percentile of each hop (docs/agent.md).
 *
 * <p>So a program turns it off, unless its JVM was started with {@code -Dio.netty.leakDetection.level=...}
 * (for instance through {@code QSMP_JAVA_OPTS}), which is how an operator chasing a leak turns it back on.
 * Tests do not go through {@code main}: they keep Netty's sampling and its reports.
 */
public final class LeakDetection {
    /** The property Netty reads its level from. */
    public static final String LEVEL_PROPERTY = "io.netty.leakDetection.level";
    /** Netty's older spellings of the same choice, still honoured by it and so by us. */
    private static final List<String> LEGACY_PROPERTIES = List.of("io.netty.leakDetectionLevel",
            "io.netty.noResourceLeakDetection");

    private LeakDetection() {
    }

    /** Turns the detector off unless {@link #LEVEL_PROPERTY} asks for a level. Returns the level in force. */
    public static ResourceLeakDetector.Level offUnlessAsked() {
        if (System.getProperty(LEVEL_PROPERTY) == null
                && LEGACY_PROPERTIES.stream().allMatch(p -> System.getProperty(p) == null)) {
            ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
        }
        return ResourceLeakDetector.getLevel();
    }
}
