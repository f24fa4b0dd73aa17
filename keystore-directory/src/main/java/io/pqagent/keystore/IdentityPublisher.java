package io.pqagent.keystore;

import io.pqagent.qsmp.keys.PublicKeyRecord;

/**
 * Makes the next identity known, e.g. the directory client registering it. Called by
 * {@link IdentityStore#publishNext}; after a crash it may be called again for the same record, so it
 * must accept publishing a record twice.
 */
@FunctionalInterface
public interface IdentityPublisher {
    void publish(PublicKeyRecord next) throws Exception;
}
