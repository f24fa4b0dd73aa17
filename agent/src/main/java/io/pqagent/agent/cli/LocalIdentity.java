package io.pqagent.agent.cli;

import io.pqagent.agent.config.AgentConfig;
import io.pqagent.agent.runtime.Agent;
import io.pqagent.agent.runtime.AgentUnlock;
import io.pqagent.keystore.IdentityStore;
import io.pqagent.keystore.KeystoreException;
import io.pqagent.keystore.Unlock;
import io.pqagent.qsmp.crypto.EntropySource;
import io.pqagent.qsmp.wire.Clock;
import java.io.IOException;

/**
 * The agent's identity store opened from its files, as the configuration says (directory, unlock source,
 * rotation overlap): what {@code keys show} and {@code keys rotate} work on, also while the agent runs.
 */
final class LocalIdentity implements AutoCloseable {
    final AgentConfig config;
    final IdentityStore store;
    private final Unlock unlock;

    private LocalIdentity(AgentConfig config, IdentityStore store, Unlock unlock) {
        this.config = config;
        this.store = store;
        this.unlock = unlock;
    }

    static LocalIdentity open(AgentConfig config) throws IOException, KeystoreException {
        Unlock unlock = AgentUnlock.open(config.identity().unlock());
        IdentityStore store = new IdentityStore(config.identity().dir(), Agent.policy(config),
                Clock.system(config.clockOffsetSeconds()), EntropySource.system());
        try {
            store.load(unlock);
        } catch (KeystoreException | RuntimeException e) {
            store.close();
            unlock.close();
            throw e;
        }
        return new LocalIdentity(config, store, unlock);
    }

    /** One line for an identity that could not be opened or stepped, with the way out where there is one. */
    static String describe(KeystoreException e, AgentConfig config) {
        return switch (e.error()) {
            case NO_IDENTITY -> "no identity in " + config.identity().dir() + " (" + e.getMessage()
                    + "): create one with qsmp-agent init";
            case WRONG_PASSPHRASE_OR_TAMPERED -> "cannot open the identity in " + config.identity().dir()
                    + ": wrong passphrase or key file, or the file was altered";
            // the running agent stepped the rotation (it retires by itself) while this command ran
            case ROTATION_OUT_OF_ORDER -> e.getMessage() + "; run the command again";
            default -> e.getMessage();
        };
    }

    @Override
    public void close() {
        store.close();
        unlock.close();
    }
}
