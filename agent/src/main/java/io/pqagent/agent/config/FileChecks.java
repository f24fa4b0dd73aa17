package io.pqagent.agent.config;

import io.pqagent.directory.record.AuthorityKeyFile;
import io.pqagent.qsmp.keys.KeyFileException;
import io.pqagent.qsmp.keys.KeyFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The files the agent will open at start, checked when the configuration is loaded so that
 * {@code run --check-config} catches a wrong path before the service is restarted. Key files are parsed
 * too: a readable file of the wrong kind is as fatal as a missing one. Files the agent creates itself
 * (cache, audit log, control socket) are not checked: their directories may be made by systemd at start.
 */
final class FileChecks {
    /** The identity in use (docs/directory.md, "Identity files"). */
    static final String CURRENT_IDENTITY = "current.qid";

    private FileChecks() {
    }

    static Optional<Path> readable(ConfigNode node, String key, Path path) {
        if (!Files.exists(path)) {
            node.problem(key, path + " does not exist");
        } else if (!Files.isRegularFile(path)) {
            node.problem(key, path + " is not a regular file");
        } else if (!Files.isReadable(path)) {
            node.problem(key, path + " is not readable");
        } else {
            return Optional.of(path);
        }
        return Optional.empty();
    }

    static Optional<Path> identityDir(ConfigNode node, String key, Path dir) {
        if (!Files.isDirectory(dir)) {
            node.problem(key, dir + (Files.exists(dir) ? " is not a directory" : " does not exist"));
            return Optional.empty();
        }
        if (!Files.isReadable(dir) || !Files.isExecutable(dir)) {
            node.problem(key, dir + " is not readable");
            return Optional.empty();
        }
        Path current = dir.resolve(CURRENT_IDENTITY);
        if (!Files.isRegularFile(current) || !Files.isReadable(current)) {
            node.problem(key, "no identity in " + dir + ": " + CURRENT_IDENTITY + " is missing or not readable");
            return Optional.empty();
        }
        return Optional.of(dir);
    }

    static Optional<Path> authorityKey(ConfigNode node, String key, Path path) {
        return readable(node, key, path).flatMap(p -> {
            try {
                AuthorityKeyFile.read(p);
                return Optional.of(p);
            } catch (IOException e) {
                node.problem(key, "not a usable authority key file: " + e.getMessage());
                return Optional.empty();
            }
        });
    }

    static Optional<Path> qpkey(ConfigNode node, String key, Path path) {
        return readable(node, key, path).flatMap(p -> {
            try {
                KeyFiles.readQpkey(p);
                return Optional.of(p);
            } catch (IOException | KeyFileException e) {
                node.problem(key, "not a usable .qpkey file: " + e.getMessage());
                return Optional.empty();
            }
        });
    }
}
