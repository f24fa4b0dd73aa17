package io.pqagent.directory.replica;

import io.pqagent.directory.record.AuthorityKey;
import io.pqagent.directory.record.DirectoryError;
import io.pqagent.directory.record.DirectoryException;
import io.pqagent.directory.record.DirectoryRecord;
import io.pqagent.directory.record.RecordStatus;
import io.pqagent.directory.record.SignedRecord;
import io.pqagent.qsmp.crypto.ConfigString;
import io.pqagent.qsmp.wire.Clock;
import java.util.Set;

/**
 * What a replica checks before a submitted record reaches its store: the authority's signature, a
 * configuration this directory serves, and an unexpired key. The ordering rules (serials, final
 * revocations) need the stored state and are the store's.
 */
public record SubmissionCheck(AuthorityKey authority, Set<ConfigString> configurations, Clock clock) {

    public SubmissionCheck {
        configurations = Set.copyOf(configurations);
        if (configurations.isEmpty()) {
            throw new IllegalArgumentException("a directory serves at least one configuration");
        }
    }

    public SignedRecord verify(byte[] encoded) throws DirectoryException {
        SignedRecord signed = SignedRecord.decode(encoded, authority);
        DirectoryRecord r = signed.record();
        if (!configurations.contains(r.config())) {
            throw new DirectoryException(DirectoryError.WRONG_CONFIGURATION,
                    "'" + r.config().text() + "' for key id " + r.keyId());
        }
        // a revocation of an expired key is still worth storing: it is final and costs nothing
        if (r.status() == RecordStatus.ACTIVE && r.isExpiredAt(clock.utcSeconds())) {
            throw new DirectoryException(DirectoryError.EXPIRED_RECORD, "key id " + r.keyId() + " expired at "
                    + r.expiration());
        }
        return signed;
    }
}
