package io.pqagent.agent.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the secret that opens the sealed identity comes from (docs/directory.md, "Sealed file"). Exactly
 * one is configured; the secret itself is never part of the configuration.
 */
public sealed interface UnlockSource {

    /** A file holding the passphrase (UTF-8; one trailing newline is not part of it). */
    record PassphraseFile(Path path) implements UnlockSource {
        public PassphraseFile {
            Objects.requireNonNull(path, "path");
        }
    }

    /** An environment variable holding the passphrase, e.g. set by systemd from a credential. */
    record PassphraseEnv(String variable) implements UnlockSource {
        public PassphraseEnv {
            Objects.requireNonNull(variable, "variable");
        }
    }

    /** A 32-byte key file (the identity was sealed with a key file, not a passphrase). */
    record KeyFile(Path path) implements UnlockSource {
        public KeyFile {
            Objects.requireNonNull(path, "path");
        }
    }
}
