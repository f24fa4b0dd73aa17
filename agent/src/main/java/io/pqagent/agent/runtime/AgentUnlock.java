package io.pqagent.agent.runtime;

import io.pqagent.agent.config.UnlockSource;
import io.pqagent.keystore.KeystoreException;
import io.pqagent.keystore.Unlock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

/** The configured way to open the sealed identity: a passphrase file, an environment variable, or a key file. */
public final class AgentUnlock {
    private AgentUnlock() {
    }

    public static Unlock open(UnlockSource source) throws IOException, KeystoreException {
        if (source instanceof UnlockSource.KeyFile k) {
            return Unlock.keyFile(k.path());
        }
        String passphrase;
        if (source instanceof UnlockSource.PassphraseFile f) {
            passphrase = Files.readAllLines(f.path(), StandardCharsets.UTF_8).stream().findFirst().orElse("");
        } else {
            UnlockSource.PassphraseEnv env = (UnlockSource.PassphraseEnv) source;
            passphrase = System.getenv(env.variable());
            if (passphrase == null) {
                throw new IOException("environment variable " + env.variable() + " is not set");
            }
        }
        if (passphrase.isEmpty()) {
            throw new IOException("the identity passphrase is empty");
        }
        return Unlock.passphrase(passphrase.toCharArray());
    }
}
