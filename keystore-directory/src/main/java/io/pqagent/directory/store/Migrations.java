package io.pqagent.directory.store;

import io.pqagent.directory.record.DirectoryError;
import io.pqagent.directory.record.DirectoryException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * Brings a store's schema up to date when it is opened: the Flyway scripts under
 * {@code db/migration/<dialect>}. Flyway serializes concurrent migrations (PostgreSQL: an advisory lock), so
 * several replicas may start at once.
 */
final class Migrations {
    private Migrations() {
    }

    static void run(DataSource dataSource, String dialect, String store) throws DirectoryException {
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration/" + dialect)
                    .failOnMissingLocations(true)
                    // a directory store is never wiped by tooling
                    .cleanDisabled(true)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new DirectoryException(DirectoryError.STORE_FAILURE,
                    store + ": schema migration failed: " + e.getMessage(), e);
        }
    }
}
