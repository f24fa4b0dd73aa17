package io.pqagent.directory.store;

import io.pqagent.directory.record.DirectoryException;
import io.pqagent.directory.record.SignedRecord;
import io.pqagent.qsmp.keys.KeyId;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where a replica keeps the signed records: the newest record per key id. Implementations are
 * transactional: {@link #submit} either stores the record and makes it visible to every reader (and every
 * replica sharing the store) or changes nothing. The caller has already verified the signature
 * ({@link SignedRecord#decode}); the store enforces the ordering rules, which need the stored state.
 */
public interface RecordStore extends AutoCloseable {

    /**
     * Stores {@code record} if it is newer than what is stored for its key id.
     *
     * @return {@link Submission#STORED}, or {@link Submission#ALREADY_PRESENT} for an identical record
     *     (a retried submission) — nothing changes then
     * @throws DirectoryException STALE_RECORD (a higher serial is stored), SERIAL_CONFLICT (same serial,
     *     other bytes), KEY_REVOKED (the key id is revoked: final), KEY_MISMATCH (another verification key
     *     or configuration is registered under this key id), STORE_FAILURE
     */
    Submission submit(SignedRecord record) throws DirectoryException;

    Optional<SignedRecord> byKeyId(KeyId keyId) throws DirectoryException;

    /** Every key id's newest record with this owner, revoked ones included, ordered by serial. */
    List<SignedRecord> byOwner(String owner) throws DirectoryException;

    /** Every key id's newest record, ordered by key id. */
    List<SignedRecord> list() throws DirectoryException;

    /**
     * One page of {@link #list()}: at most {@code max} records whose key id is above {@code after}
     * (compared as unsigned bytes), ordered by key id, read without loading the rest.
     */
    List<SignedRecord> page(KeyId after, int max) throws DirectoryException;

    /**
     * Calls {@code listener} with every record stored from now on, by this process or by any replica
     * sharing the store, at least once each and in commit order per key id. Close the result to stop.
     */
    AutoCloseable subscribe(Consumer<SignedRecord> listener) throws DirectoryException;

    @Override
    void close();

    enum Submission {
        STORED,
        ALREADY_PRESENT
    }
}
