package io.pqagent.directory.store;

import io.pqagent.directory.record.DirectoryError;
import io.pqagent.directory.record.DirectoryException;
import io.pqagent.directory.record.DirectoryRecord;
import io.pqagent.directory.record.SignedRecord;
import io.pqagent.directory.store.RecordStore.Submission;
import java.util.Arrays;
import java.util.Optional;

/**
 * The ordering rules of {@link RecordStore#submit} (docs/directory.md, "Records"), decided from the record
 * stored for the key id, read inside the store's write transaction. The checks run in this order, so the
 * error names the first rule the record breaks:
 *
 * <ol>
 *   <li>nothing stored: store it;
 *   <li>the same body (the encoding is canonical, so the same record; the authority's signature is
 *       randomized, a re-signed copy differs only there): {@link Submission#ALREADY_PRESENT}, the stored
 *       bytes stay;
 *   <li>a lower serial: {@link DirectoryError#STALE_RECORD};
 *   <li>the same serial, another body: {@link DirectoryError#SERIAL_CONFLICT};
 *   <li>a higher serial over a revocation: {@link DirectoryError#KEY_REVOKED} (a revocation is final);
 *   <li>a higher serial with another verification key or configuration: {@link DirectoryError#KEY_MISMATCH};
 *   <li>otherwise the higher serial replaces the stored record.
 * </ol>
 */
final class SubmissionRules {
    private SubmissionRules() {
    }

    static Submission check(Optional<SignedRecord> stored, SignedRecord incoming) throws DirectoryException {
        if (stored.isEmpty()) {
            return Submission.STORED;
        }
        SignedRecord current = stored.get();
        if (current.sameBodyAs(incoming)) {
            return Submission.ALREADY_PRESENT;
        }
        DirectoryRecord old = current.record();
        DirectoryRecord neu = incoming.record();
        String kid = "key id " + neu.keyId().hex();
        if (neu.serial() < old.serial()) {
            throw new DirectoryException(DirectoryError.STALE_RECORD,
                    kid + ": serial " + old.serial() + " is stored, got " + neu.serial());
        }
        if (neu.serial() == old.serial()) {
            throw new DirectoryException(DirectoryError.SERIAL_CONFLICT,
                    kid + ": another record with serial " + neu.serial() + " is stored");
        }
        if (!old.isActive()) {
            throw new DirectoryException(DirectoryError.KEY_REVOKED,
                    kid + " was revoked by serial " + old.serial());
        }
        if (!old.config().equals(neu.config())) {
            throw new DirectoryException(DirectoryError.KEY_MISMATCH,
                    kid + " is registered with " + old.config().text() + ", got " + neu.config().text());
        }
        if (!Arrays.equals(old.verificationKey(), neu.verificationKey())) {
            throw new DirectoryException(DirectoryError.KEY_MISMATCH,
                    kid + " is registered with another verification key");
        }
        return Submission.STORED;
    }
}
