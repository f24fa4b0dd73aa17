package io.pqagent.agent.config;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apache.commons.configuration2.tree.ImmutableNode;

/**
 * One section of the parsed YAML (a Commons Configuration node) with its key path, read with the types the
 * schema expects. Every read that fails reports a problem at the exact key and returns empty, so the
 * loader carries on and reports everything at once. Values are read from the nodes as parsed: no
 * {@code ${...}} interpolation is applied (a secret must not leak in from a lookup by accident).
 */
final class ConfigNode {
    private final ImmutableNode node;
    private final String path;
    private final Path baseDir;
    private final Problems problems;

    ConfigNode(ImmutableNode node, String path, Path baseDir, Problems problems) {
        this.node = node;
        this.path = path;
        this.baseDir = baseDir;
        this.problems = problems;
    }

    String path() {
        return path;
    }

    String key(String child) {
        return path.isEmpty() ? child : path + "." + child;
    }

    void problem(String child, String message) {
        problems.add(key(child), message);
    }

    boolean reportedAt(String child) {
        return problems.reportedAt(key(child));
    }

    boolean has(String child) {
        return node.getChildren().stream().anyMatch(c -> c.getNodeName().equals(child));
    }

    /** Reports every child not in {@code known}, so that a misspelt key is not silently ignored. */
    void allowOnly(String... known) {
        Set<String> allowed = Set.of(known);
        Set<String> seen = new java.util.HashSet<>();
        for (ImmutableNode child : node.getChildren()) {
            String name = child.getNodeName();
            if (!allowed.contains(name) && seen.add(name)) {
                String hint = closest(name, known).map(k -> "; did you mean '" + k + "'?")
                        .orElse("; known here: " + String.join(", ", sorted(known)));
                problems.add(key(name), "unknown key" + hint);
            }
        }
    }

    Optional<ConfigNode> section(String child) {
        return single(child).flatMap(n -> asSection(n, key(child)));
    }

    /** The entries of a list of sections, with keys {@code child[i]}; empty if absent. */
    List<ConfigNode> list(String child) {
        List<ConfigNode> out = new ArrayList<>();
        List<ImmutableNode> nodes = named(child);
        for (int i = 0; i < nodes.size(); i++) {
            asSection(nodes.get(i), key(child) + "[" + i + "]").ifPresent(out::add);
        }
        return out;
    }

    Optional<String> string(String child) {
        return scalar(child).flatMap(v -> {
            if (v instanceof String s) {
                return Optional.of(s);
            }
            if (v instanceof Integer || v instanceof Long || v instanceof BigInteger) {
                return Optional.of(v.toString());
            }
            problem(child, "expected text, got " + describe(v) + " (quote it if it is meant as text)");
            return Optional.empty();
        });
    }

    Optional<Long> integer(String child, long min, long max) {
        return scalar(child).flatMap(v -> {
            Long n = null;
            if (v instanceof Integer || v instanceof Long) {
                n = ((Number) v).longValue();
            } else if (v instanceof String s && s.strip().matches("[+-]?\\d{1,18}")) {
                n = Long.parseLong(s.strip());
            }
            if (n == null) {
                problem(child, "expected an integer, got " + describe(v));
                return Optional.empty();
            }
            if (n < min || n > max) {
                problem(child, n + " is outside " + min + ".." + max);
                return Optional.empty();
            }
            return Optional.of(n);
        });
    }

    Optional<Integer> port(String child) {
        return integer(child, 1, 65_535).map(Long::intValue);
    }

    Optional<Boolean> bool(String child) {
        return scalar(child).flatMap(v -> {
            if (v instanceof Boolean b) {
                return Optional.of(b);
            }
            if (v instanceof String s && (s.equals("true") || s.equals("false"))) {
                return Optional.of(Boolean.valueOf(s));
            }
            problem(child, "expected true or false, got " + describe(v));
            return Optional.empty();
        });
    }

    Optional<Duration> duration(String child, Duration min, Duration max) {
        return parsed(child, DurationText::parse).flatMap(d -> inRange(child, () -> Ranges.check("", d, min, max), d));
    }

    Optional<Long> size(String child, long min, long max) {
        return scalar(child).flatMap(v -> {
            String text = v instanceof Integer || v instanceof Long ? v.toString() : null;
            if (v instanceof String s) {
                text = s;
            }
            if (text == null) {
                problem(child, "expected a size such as 1GiB, got " + describe(v));
                return Optional.empty();
            }
            String t = text;
            return parsedText(child, t, ByteSize::parse)
                    .flatMap(n -> inRange(child, () -> Ranges.checkBytes("", n, min, max), n));
        });
    }

    Optional<HostPort> hostPort(String child) {
        return parsed(child, HostPort::parse);
    }

    /** A path, resolved against the configuration file's directory if relative. */
    Optional<Path> path(String child) {
        return parsed(child, text -> {
            if (text.isBlank()) {
                throw new IllegalArgumentException("empty path");
            }
            return baseDir.resolve(Path.of(text)).normalize();
        });
    }

    /** Text turned into a value by {@code parser}, whose {@link IllegalArgumentException} message becomes the problem. */
    <T> Optional<T> parsed(String child, Function<String, T> parser) {
        return string(child).flatMap(text -> parsedText(child, text, parser));
    }

    /** Reports "is required" unless the key was already reported for another reason. */
    <T> Optional<T> required(String child, Optional<T> value) {
        if (value.isEmpty() && !reportedAt(child)) {
            problem(child, "is required");
        }
        return value;
    }

    /** The subtree at {@code child} as plain maps, lists and scalars, for settings the loader does not interpret. */
    Map<String, Object> tree(String child) {
        Optional<ConfigNode> section = section(child);
        return section.map(s -> toMap(s.node)).orElse(Map.of());
    }

    private <T> Optional<T> parsedText(String child, String text, Function<String, T> parser) {
        try {
            return Optional.of(parser.apply(text));
        } catch (java.nio.file.InvalidPathException e) {
            problem(child, "not a valid path: " + e.getReason());
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            problem(child, e.getMessage());
            return Optional.empty();
        }
    }

    private <T> Optional<T> inRange(String child, Runnable check, T value) {
        try {
            check.run();
            return Optional.of(value);
        } catch (IllegalArgumentException e) {
            problem(child, e.getMessage().strip());
            return Optional.empty();
        }
    }

    private Optional<Object> scalar(String child) {
        return single(child).flatMap(n -> {
            if (!n.getChildren().isEmpty()) {
                problem(child, "expected a value, got a section");
                return Optional.empty();
            }
            return Optional.ofNullable(n.getValue()); // "key:" with nothing after it counts as absent
        });
    }

    private Optional<ImmutableNode> single(String child) {
        List<ImmutableNode> nodes = named(child);
        if (nodes.size() > 1) {
            problem(child, "expected a single entry, got a list of " + nodes.size() + " (or the key is repeated)");
            return Optional.empty();
        }
        return nodes.stream().findFirst();
    }

    private List<ImmutableNode> named(String child) {
        return node.getChildren().stream().filter(c -> c.getNodeName().equals(child)).toList();
    }

    private Optional<ConfigNode> asSection(ImmutableNode n, String key) {
        if (n.getChildren().isEmpty() && n.getValue() != null) {
            problems.add(key, "expected a section of keys, got " + describe(n.getValue()));
            return Optional.empty();
        }
        return Optional.of(new ConfigNode(n, key, baseDir, problems));
    }

    private static Map<String, Object> toMap(ImmutableNode n) {
        Map<String, List<Object>> grouped = new LinkedHashMap<>();
        for (ImmutableNode c : n.getChildren()) {
            Object v = c.getChildren().isEmpty() ? c.getValue() : toMap(c);
            grouped.computeIfAbsent(c.getNodeName(), k -> new ArrayList<>()).add(v);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        grouped.forEach((k, vs) -> out.put(k, vs.size() == 1 ? vs.get(0) : vs));
        return out;
    }

    private static String describe(Object v) {
        if (v instanceof Boolean) {
            return "the boolean " + v;
        }
        if (v instanceof Number) {
            return "the number " + v;
        }
        if (v instanceof Date) {
            return "a date";
        }
        return "'" + v + "'";
    }

    /** The known key within edit distance 2 of a misspelt one, if exactly one is closest. */
    private static Optional<String> closest(String name, String... known) {
        String best = null;
        int bestDistance = 3;
        for (String k : known) {
            int d = distance(name, k);
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private static List<String> sorted(String... known) {
        String[] copy = known.clone();
        Arrays.sort(copy);
        return List.of(copy);
    }
}
