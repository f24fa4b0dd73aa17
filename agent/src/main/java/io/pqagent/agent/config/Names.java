package io.pqagent.agent.config;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/** What a name may look like: owner names as the directory stores them, service names as they appear in logs and metrics. */
final class Names {
    /** The directory encodes an owner with a u8 length (docs/directory.md, "Records"). */
    static final int MAX_OWNER_BYTES = 255;
    private static final Pattern SERVICE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");

    private Names() {
    }

    static Optional<String> checkOwner(ConfigNode node, String key, String name) {
        if (name.isBlank() || !name.strip().equals(name)) {
            node.problem(key, "'" + name + "' is empty or has leading or trailing spaces");
            return Optional.empty();
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_OWNER_BYTES) {
            node.problem(key, "is longer than the directory's " + MAX_OWNER_BYTES + " bytes (UTF-8)");
            return Optional.empty();
        }
        if (name.codePoints().anyMatch(Character::isISOControl)) {
            node.problem(key, "contains a control character");
            return Optional.empty();
        }
        return Optional.of(name);
    }

    static Optional<String> checkService(ConfigNode node, String key, String name) {
        if (!SERVICE.matcher(name).matches()) {
            node.problem(key, "'" + name + "' is not a service name (letters, digits, '.', '_', '-'; at most 63;"
                    + " starting with a letter or digit)");
            return Optional.empty();
        }
        return Optional.of(name);
    }
}
