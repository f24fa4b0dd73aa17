package io.pqagent.directory.store;

import io.pqagent.directory.record.DirectoryError;
import io.pqagent.directory.record.DirectoryException;
import java.sql.SQLException;

/** {@link DirectoryError#STORE_FAILURE} for a database error, naming the store and what it was doing. */
final class StoreFailure {
    private StoreFailure() {
    }

    static DirectoryException of(String store, String action, SQLException e) {
        String state = e.getSQLState() == null ? "" : " [SQLState " + e.getSQLState() + "]";
        return new DirectoryException(DirectoryError.STORE_FAILURE,
                store + ": " + action + " failed: " + e.getMessage() + state, e);
    }

    static DirectoryException of(String store, String action, RuntimeException e) {
        return new DirectoryException(DirectoryError.STORE_FAILURE, store + ": " + action + " failed: " + e, e);
    }
}
