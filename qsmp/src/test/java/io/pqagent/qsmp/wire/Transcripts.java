package io.pqagent.qsmp.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The reference transcripts in {@code ../shared/protocol/transcripts}, found through the system property
 * {@code qsmp.shared}. A test that needs them fails when they are missing; it never skips.
 */
public final class Transcripts {
    /** The eight positive cases of transcripts/README.md §1. */
    public static final int POSITIVE_CASES = 8;
    public static final int NEGATIVE_CASES = 4;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, JsonNode> CACHE = new ConcurrentHashMap<>();

    private Transcripts() {
    }

    public static Path shared() {
        String prop = System.getProperty("qsmp.shared");
        assertThat(prop).as("system property qsmp.shared (set by the parent POM)").isNotNull();
        Path shared = Path.of(prop);
        assertThat(shared.resolve("protocol/transcripts")).as("shared protocol material").isDirectory();
        return shared;
    }

    public static Path directory() {
        return shared().resolve("protocol/transcripts");
    }

    /** Case names (file names without {@code .json}), sorted. */
    public static List<String> allCases() {
        try (Stream<Path> files = Files.list(directory())) {
            List<String> names = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - ".json".length()))
                    .sorted()
                    .toList();
            assertThat(names).hasSize(POSITIVE_CASES + NEGATIVE_CASES);
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<String> positiveCases() {
        List<String> names = allCases().stream().filter(n -> !n.startsWith("neg-")).toList();
        assertThat(names).hasSize(POSITIVE_CASES);
        return names;
    }

    public static JsonNode load(String caseName) {
        return CACHE.computeIfAbsent(caseName, n -> {
            try {
                return JSON.readTree(directory().resolve(n + ".json").toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    public static byte[] hex(JsonNode node) {
        assertThat(node.isTextual()).as("hex field %s", node).isTrue();
        return HexFormat.of().parseHex(node.asText());
    }

    public static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }
}
