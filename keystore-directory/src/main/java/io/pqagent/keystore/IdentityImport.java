package io.pqagent.keystore;

import io.pqagent.qsmp.keys.KeyFileException;
import io.pqagent.qsmp.keys.KeyFiles;
import io.pqagent.qsmp.keys.SigningKeyRecord;
import io.pqagent.qsmp.wire.Clock;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The reference's key files ({@code .qskey}, {@code .qpkey}, QSMP-WIRE §8.2) in and out of a store. */
final class IdentityImport {
    private static final Logger LOG = LoggerFactory.getLogger(IdentityImport.class);

    private final IdentityPolicy policy;
    private final Clock clock;

    IdentityImport(IdentityPolicy policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
    }

    /** A .qskey as a new, unpublished identity created now; the file is only read. */
    Identity readQskey(Path path) throws KeystoreException {
        // a secret key others could read may already be copied: the operator must look before we adopt it
        PrivateFile.requireOwnerOnlyMode(path);
        SigningKeyRecord key;
        try {
            key = KeyFiles.readQskey(path);
        } catch (KeyFileException e) {
            throw new KeystoreException(KeystoreError.BAD_REFERENCE_KEY_FILE, e.getMessage(), e);
        } catch (IOException e) {
            throw new KeystoreException(KeystoreError.IO_FAILURE, "reading " + path + ": " + e, e);
        }
        if (!key.config().equals(policy.parameterSet().config())) {
            String found = key.config().text();
            key.close();
            throw new KeystoreException(KeystoreError.WRONG_CONFIGURATION, path + " is a " + found
                    + " key, the store is set up for " + policy.parameterSet().config().text());
        }
        long now = clock.utcSeconds();
        if (key.publicRecord().isExpiredAt(now)) {
            long expiration = key.expiration();
            key.close();
            throw new KeystoreException(KeystoreError.EXPIRED, path + " expired at "
                    + Instant.ofEpochSecond(expiration) + " (protocol clock now " + Instant.ofEpochSecond(now) + ")");
        }
        return new Identity(key, now, 0);
    }

    void writeQpkey(Identity identity, Path path) throws KeystoreException {
        try {
            KeyFiles.writeQpkey(path, identity.publicRecord());
        } catch (IOException e) {
            throw new KeystoreException(KeystoreError.IO_FAILURE, "writing " + path + ": " + e, e);
        }
    }

    void writeQskey(Identity identity, Path path) throws KeystoreException {
        try {
            KeyFiles.writeQskey(path, identity.signingKey());
        } catch (IOException e) {
            throw new KeystoreException(KeystoreError.IO_FAILURE, "writing " + path + ": " + e, e);
        }
        LOG.warn("identity {} exported UNENCRYPTED to {} (mode 0600): protect or delete that file",
                identity.keyId(), path);
    }
}
