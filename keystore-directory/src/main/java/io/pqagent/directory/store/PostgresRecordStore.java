package io.pqagent.directory.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.pqagent.directory.record.DirectoryError;
import io.pqagent.directory.record.DirectoryException;
import io.pqagent.directory.record.DirectoryRecord;
import io.pqagent.directory.record.SignedRecord;
import io.pqagent.qsmp.keys.KeyId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The store several replicas share: one PostgreSQL database, reached through a small HikariCP pool.
 *
 * <p>A submit is one transaction: it takes the store's write lock (a transaction-level advisory lock, so
 * every writer of every replica queues there, which a directory's rare operator-driven writes can afford),
 * reads the stored record, applies the ordering rules, upserts with a serial guard, takes the next
 * {@code change_seq}, appends the record to the change feed (table {@code directory_change}) and calls
 * {@code pg_notify} with the key id; PostgreSQL delivers that notification
 * only if and when the transaction commits. Because the change sequence number is taken under the lock,
 * its order is commit order, which lets a subscriber that lost its connection catch up exactly.
 *
 * <p>{@link #subscribe} opens a dedicated connection that LISTENs; see {@link PostgresChangeListener}.
 */
public final class PostgresRecordStore implements RecordStore {
    /** The NOTIFY channel; the payload is {@code <change_seq> <key id hex> <serial>}, for logs and tools. */
    public static final String CHANNEL = "qsmp_directory_record";
    /** The application name of the listeners' connections in {@code pg_stat_activity}. */
    public static final String LISTENER_APPLICATION_NAME = "qsmp-directory-listener";
    static final String POOL_APPLICATION_NAME = "qsmp-directory";
    /** Advisory lock key of the write lock: the bytes of "qsmpdir1". */
    private static final long WRITE_LOCK = 0x71736d7064697231L;
    private static final int POOL_SIZE = 4;
    private static final String UPSERT = "INSERT INTO directory_record"
            + " (key_id, serial, owner, status, expiration, signed_record, change_seq, updated_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, nextval('directory_change_seq'), clock_timestamp())"
            + " ON CONFLICT (key_id) DO UPDATE SET serial = excluded.serial, owner = excluded.owner,"
            + " status = excluded.status, expiration = excluded.expiration,"
            + " signed_record = excluded.signed_record, change_seq = excluded.change_seq,"
            + " updated_at = excluded.updated_at"
            // belt and braces: the ordering rules already refused anything not newer
            + " WHERE directory_record.serial < excluded.serial"
            + " RETURNING change_seq";
    private static final String LOG_CHANGE = "INSERT INTO directory_change (change_seq, key_id, signed_record, changed_at)"
            + " VALUES (?, ?, ?, clock_timestamp())";

    private final String jdbcUrl;
    private final String name;
    private final HikariDataSource pool;
    private final TableReads reads;
    private final Set<PostgresChangeListener> listeners = ConcurrentHashMap.newKeySet();

    private PostgresRecordStore(String jdbcUrl, String name, HikariDataSource pool) {
        this.jdbcUrl = jdbcUrl;
        this.name = name;
        this.pool = pool;
        this.reads = new TableReads(pool, name);
    }

    /**
     * Connects to {@code jdbcUrl} ({@code jdbc:postgresql://host[:port]/database[?user=..&password=..]}) and
     * migrates the schema.
     */
    public static PostgresRecordStore open(String jdbcUrl) throws DirectoryException {
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + Redaction.url(jdbcUrl));
        }
        String name = "PostgreSQL store " + Redaction.url(jdbcUrl);
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(jdbcUrl);
        hikari.setPoolName("qsmp-directory-postgresql");
        hikari.setMaximumPoolSize(POOL_SIZE);
        hikari.setMinimumIdle(1);
        hikari.setConnectionTimeout(10_000);
        hikari.addDataSourceProperty("ApplicationName", POOL_APPLICATION_NAME);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(hikari);
        } catch (RuntimeException e) {
            // HikariCP's PoolInitializationException wraps the driver's SQLException
            String cause = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
            throw new DirectoryException(DirectoryError.STORE_FAILURE, name + ": cannot connect: " + cause, e);
        }
        try {
            Migrations.run(pool, "postgresql", name);
        } catch (DirectoryException e) {
            pool.close();
            throw e;
        }
        return new PostgresRecordStore(jdbcUrl, name, pool);
    }

    @Override
    public Submission submit(SignedRecord record) throws DirectoryException {
        DirectoryRecord r = record.record();
        String action = "storing serial " + r.serial() + " of key id " + r.keyId().hex();
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                lockWrites(c);
                Submission outcome = SubmissionRules.check(RecordTable.find(c, r.keyId()), record);
                if (outcome == Submission.STORED) {
                    long seq = write(c, record);
                    notify(c, seq + " " + r.keyId().hex() + " " + r.serial());
                    c.commit();
                } else {
                    c.rollback();
                }
                return outcome;
            } catch (DirectoryException | SQLException | RuntimeException e) {
                TableReads.rollbackQuietly(c, e);
                throw e;
            }
        } catch (SQLException e) {
            // a failed COMMIT leaves the outcome unknown; a retried submit then answers ALREADY_PRESENT
            throw StoreFailure.of(name, action, e);
        } catch (RuntimeException e) {
            throw StoreFailure.of(name, action, e);
        }
    }

    private static void lockWrites(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            s.setLong(1, WRITE_LOCK);
            s.executeQuery().close();
        }
    }

    private static long write(Connection c, SignedRecord record) throws SQLException {
        DirectoryRecord r = record.record();
        byte[] encoded = record.encode();
        long seq;
        try (PreparedStatement s = c.prepareStatement(UPSERT)) {
            s.setBytes(1, r.keyId().bytes());
            s.setLong(2, r.serial());
            s.setString(3, r.owner());
            s.setShort(4, (short) r.status().code());
            s.setLong(5, r.expiration());
            s.setBytes(6, encoded);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("the serial guard refused serial " + r.serial()
                            + " although the ordering rules accepted it");
                }
                seq = rs.getLong(1);
            }
        }
        try (PreparedStatement s = c.prepareStatement(LOG_CHANGE)) {
            s.setLong(1, seq);
            s.setBytes(2, r.keyId().bytes());
            s.setBytes(3, encoded);
            s.executeUpdate();
        }
        return seq;
    }

    private static void notify(Connection c, String payload) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT pg_notify(?, ?)")) {
            s.setString(1, CHANNEL);
            s.setString(2, payload);
            s.executeQuery().close();
        }
    }


    @Override
    public Optional<SignedRecord> byKeyId(KeyId keyId) throws DirectoryException {
        return reads.byKeyId(keyId);
    }

    @Override
    public List<SignedRecord> byOwner(String owner) throws DirectoryException {
        return reads.byOwner(owner);
    }

    @Override
    public List<SignedRecord> list() throws DirectoryException {
        return reads.list();
    }

    @Override
    public List<SignedRecord> page(KeyId after, int max) throws DirectoryException {
        return reads.page(after, max);
    }

    /**
     * Opens a LISTEN connection and starts its thread; every record committed after this returns is
     * delivered, including those stored by other replicas on the same database.
     */
    @Override
    public AutoCloseable subscribe(Consumer<SignedRecord> listener) throws DirectoryException {
        PostgresChangeListener subscription = PostgresChangeListener.start(jdbcUrl, name, listener, this::unsubscribe);
        listeners.add(subscription);
        return subscription;
    }

    private void unsubscribe(PostgresChangeListener subscription) {
        listeners.remove(subscription);
    }

    @Override
    public void close() {
        for (PostgresChangeListener l : List.copyOf(listeners)) {
            l.close();
        }
        pool.close();
    }

    @Override
    public String toString() {
        return name;
    }
}
