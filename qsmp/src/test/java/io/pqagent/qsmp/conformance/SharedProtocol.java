package io.pqagent.qsmp.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

/** The reference material beside the repository, found through the {@code qsmp.shared} system property. */
public final class SharedProtocol {
    private SharedProtocol() {
    }

    /** {@code <shared>/protocol}; fails the calling test (never skips it) when the material is missing. */
    public static Path dir() {
        String shared = System.getProperty("qsmp.shared");
        assertThat(shared).as("system property qsmp.shared (set by the parent POM's surefire config)").isNotNull();
        Path protocol = Path.of(shared, "protocol");
        assertThat(Files.isDirectory(protocol)).as("protocol material at %s", protocol).isTrue();
        return protocol;
    }

    public static Path transcript(String caseName) {
        Path file = dir().resolve("transcripts").resolve(caseName + ".json");
        assertThat(Files.isRegularFile(file)).as("transcript %s", file).isTrue();
        return file;
    }
}
