package io.pqagent.agent.config;

import io.pqagent.directory.record.AuthorityKey;
import io.pqagent.directory.record.AuthorityKeyFile;
import io.pqagent.qsmp.crypto.EntropySource;
import io.pqagent.qsmp.crypto.ParameterSet;
import io.pqagent.qsmp.keys.KeyFiles;
import io.pqagent.qsmp.keys.KeyGeneration;
import io.pqagent.qsmp.keys.KeyId;
import io.pqagent.qsmp.keys.SigningKeyRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A directory holding what a configuration points at: an identity directory with current.qid, a
 * passphrase file, an authority key file and two replica .qpkey files, all real formats where the
 * loader parses them. The identity file's content is not read by the loader, so a placeholder is enough.
 */
final class ConfigFixture {
    static final Map<String, String> ENV = Map.of("AGENT_PASS", "correct horse");

    /** The minimal valid file, with paths relative to the fixture directory. */
    static final String MINIMAL = """
            name: substation-a
            identity:
              dir: identity
              passphrase-file: passphrase
            directory:
              authority-key: authority.pub
              replicas:
                - address: 10.0.0.2:31120
                  key: replica-1.qpkey
            """;

    final Path dir;

    ConfigFixture(Path dir) {
        this.dir = dir;
        try {
            Files.createDirectories(dir.resolve("identity"));
            Files.writeString(dir.resolve("identity/current.qid"), "sealed identity placeholder");
            Files.writeString(dir.resolve("passphrase"), "correct horse\n");
            Files.write(dir.resolve("identity.key"), new byte[32]);
            AuthorityKeyFile.write(dir.resolve("authority.pub"),
                    new AuthorityKey(new byte[AuthorityKey.ALGORITHM.verificationKeySize()]));
            writeQpkey(dir.resolve("replica-1.qpkey"));
            writeQpkey(dir.resolve("replica-2.qpkey"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path write(String yaml) {
        return write("agent.yaml", yaml);
    }

    Path write(String name, String yaml) {
        try {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, yaml, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    AgentConfig load(String yaml) throws ConfigException {
        return new ConfigLoader(ENV::get).read(write(yaml));
    }

    /** Loads {@code yaml}, expecting failure, and returns the problems. */
    ConfigException fail(String yaml) {
        try {
            AgentConfig config = load(yaml);
            throw new AssertionError("expected a ConfigException, loaded " + config);
        } catch (ConfigException e) {
            return e;
        }
    }

    private static void writeQpkey(Path path) throws IOException {
        try (SigningKeyRecord key = KeyGeneration.generate(ParameterSet.DEFAULT, KeyId.random(EntropySource.system()),
                4_000_000_000L, EntropySource.system())) {
            KeyFiles.writeQpkey(path, key.publicRecord());
        }
    }
}
