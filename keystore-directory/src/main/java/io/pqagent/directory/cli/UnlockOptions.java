package io.pqagent.directory.cli;

import io.pqagent.keystore.KeystoreException;
import io.pqagent.keystore.Unlock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * How the operator opens a sealed authority key without a terminal: a passphrase from a file or an
 * environment variable, or a 32-byte key file. Exactly one.
 */
final class UnlockOptions {
    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--passphrase-file", paramLabel = "FILE",
                description = "File whose first line is the passphrase.")
        Path passphraseFile;

        @Option(names = "--passphrase-env", paramLabel = "VAR",
                description = "Environment variable holding the passphrase.")
        String passphraseEnv;

        @Option(names = "--key-file", paramLabel = "FILE", description = "32-byte key file (owner-only).")
        Path keyFile;
    }

    Unlock open() throws CliFailure {
        try {
            if (source.keyFile != null) {
                return Unlock.keyFile(source.keyFile);
            }
            return Unlock.passphrase(passphrase());
        } catch (KeystoreException e) {
            throw new CliFailure(2, e.getMessage());
        }
    }

    /** For a new sealed file: a key file that does not exist yet is created (random, owner-only). */
    Unlock openOrCreate(io.pqagent.qsmp.crypto.EntropySource entropy) throws CliFailure {
        if (source.keyFile != null && !Files.exists(source.keyFile)) {
            try {
                return Unlock.createKeyFile(source.keyFile, entropy);
            } catch (KeystoreException e) {
                throw new CliFailure(1, e.getMessage());
            }
        }
        return open();
    }

    private char[] passphrase() throws CliFailure {
        String value;
        if (source.passphraseEnv != null) {
            value = System.getenv(source.passphraseEnv);
            if (value == null || value.isEmpty()) {
                throw new CliFailure(2, "environment variable " + source.passphraseEnv + " is not set");
            }
        } else {
            try {
                value = Files.readAllLines(source.passphraseFile, StandardCharsets.UTF_8).stream().findFirst()
                        .orElse("");
            } catch (IOException e) {
                throw new CliFailure(2, "cannot read " + source.passphraseFile + ": " + e.getMessage());
            }
            if (value.isEmpty()) {
                throw new CliFailure(2, source.passphraseFile + " holds no passphrase on its first line");
            }
        }
        return value.toCharArray();
    }
}
