package io.pqagent.directory.store;

import io.pqagent.directory.record.DirectoryException;
import io.pqagent.directory.record.SignedRecord;
import io.pqagent.qsmp.keys.KeyId;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The reads both stores serve the same way: a pooled connection, one {@link RecordTable} query, and
 * SQL failures turned into STORE_FAILURE naming the store and what was asked.
 */
record TableReads(DataSource pool, String name) {

    Optional<SignedRecord> byKeyId(KeyId keyId) throws DirectoryException {
        try (Connection c = pool.getConnection()) {
            return RecordTable.find(c, keyId);
        } catch (SQLException e) {
            throw StoreFailure.of(name, "looking up key id " + keyId.hex(), e);
        }
    }

    List<SignedRecord> byOwner(String owner) throws DirectoryException {
        try (Connection c = pool.getConnection()) {
            return RecordTable.byOwner(c, owner);
        } catch (SQLException e) {
            throw StoreFailure.of(name, "looking up owner " + owner, e);
        }
    }

    List<SignedRecord> page(KeyId after, int max) throws DirectoryException {
        try (Connection c = pool.getConnection()) {
            return RecordTable.page(c, after, max);
        } catch (SQLException e) {
            throw StoreFailure.of(name, "listing records after " + after.hex(), e);
        }
    }

    List<SignedRecord> list() throws DirectoryException {
        try (Connection c = pool.getConnection()) {
            return RecordTable.all(c);
        } catch (SQLException e) {
            throw StoreFailure.of(name, "listing records", e);
        }
    }

    /** Rolls back after a failed write, keeping the rollback's own failure with the first one. */
    static void rollbackQuietly(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
