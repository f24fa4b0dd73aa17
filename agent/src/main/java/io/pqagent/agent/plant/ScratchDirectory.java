package io.pqagent.agent.plant;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The throw-away directory of a bench or a scenario run: configs, identities, logs. */
public final class ScratchDirectory {
    private ScratchDirectory() {
    }

    /** Deletes {@code dir} and everything under it; nothing happens if it is already gone. */
    public static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
