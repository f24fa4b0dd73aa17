package io.pqagent.directory.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.pqagent.directory.record.DirectoryError;
import io.pqagent.directory.record.DirectoryException;
import io.pqagent.directory.record.DirectoryRecord;
import io.pqagent.directory.record.SignedRecord;
import io.pqagent.qsmp.keys.KeyId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The embedded store: one SQLite file. Durable on acknowledgement: WAL journal with
 * {@code synchronous=FULL}, so a {@link #submit} that returned survives a killed process (and a power
 * loss). Writers are serialized in this process by a lock and across processes by {@code BEGIN IMMEDIATE},
 * which takes SQLite's write lock before the stored record is read, so the read-compare-write of the
 * ordering rules is atomic. Readers run in parallel (WAL) from a small pool.
 *
 * <p>{@link #subscribe} follows the change feed (table {@code directory_change}); a submit through this object
 * wakes the subscriptions at once, and a one-second poll also picks up writes by other processes on the
 * same file.
 */
public final class SqliteRecordStore implements RecordStore {
    private static final int BUSY_TIMEOUT_MILLIS = 10_000;
    private static final int READERS = 4;
    private static final String UPSERT = "INSERT INTO directory_record"
            + " (key_id, serial, owner, status, expiration, signed_record, change_seq, updated_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (key_id) DO UPDATE SET serial = excluded.serial, owner = excluded.owner,"
            + " status = excluded.status, expiration = excluded.expiration,"
            + " signed_record = excluded.signed_record, change_seq = excluded.change_seq,"
            + " updated_at = excluded.updated_at"
            // belt and braces: the ordering rules already refused anything not newer
            + " WHERE directory_record.serial < excluded.serial";
    private static final String LOG_CHANGE =
            "INSERT INTO directory_change (change_seq, key_id, signed_record, changed_at) VALUES (?, ?, ?, ?)";

    private final Path file;
    private final String name;
    private final HikariDataSource pool;
    private final TableReads reads;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final Set<SqliteSubscription> subscriptions = ConcurrentHashMap.newKeySet();

    private SqliteRecordStore(Path file, HikariDataSource pool) {
        this.file = file;
        this.name = "SQLite store " + file;
        this.pool = pool;
        this.reads = new TableReads(pool, name);
    }

    /** Opens (creating if needed, with its parent directories) the store in {@code file}, migrating its schema. */
    public static SqliteRecordStore open(Path file) throws DirectoryException {
        Path absolute = file.toAbsolutePath().normalize();
        String name = "SQLite store " + absolute;
        try {
            Path parent = absolute.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new DirectoryException(DirectoryError.STORE_FAILURE,
                    name + ": cannot create its directory: " + e, e);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        // a transaction (autocommit off) starts with BEGIN IMMEDIATE: the write lock before the first read
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        SQLiteDataSource sqlite = new SQLiteDataSource(config);
        sqlite.setUrl("jdbc:sqlite:" + absolute);
        HikariConfig hikari = new HikariConfig();
        hikari.setDataSource(sqlite);
        hikari.setPoolName("qsmp-directory-sqlite");
        hikari.setMaximumPoolSize(READERS);
        hikari.setMinimumIdle(1);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(hikari);
        } catch (RuntimeException e) {
            throw StoreFailure.of(name, "opening", e);
        }
        try {
            Migrations.run(pool, "sqlite", name);
        } catch (DirectoryException e) {
            pool.close();
            throw e;
        }
        return new SqliteRecordStore(absolute, pool);
    }

    public Path file() {
        return file;
    }

    @Override
    public Submission submit(SignedRecord record) throws DirectoryException {
        DirectoryRecord r = record.record();
        String action = "storing serial " + r.serial() + " of key id " + r.keyId().hex();
        Submission outcome;
        writeLock.lock();
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false); // BEGIN IMMEDIATE
            try {
                outcome = SubmissionRules.check(RecordTable.find(c, r.keyId()), record);
                if (outcome == Submission.STORED) {
                    write(c, record);
                    c.commit();
                } else {
                    c.rollback();
                }
            } catch (DirectoryException | SQLException | RuntimeException e) {
                TableReads.rollbackQuietly(c, e);
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw StoreFailure.of(name, action, e);
        } catch (RuntimeException e) {
            throw StoreFailure.of(name, action, e);
        } finally {
            writeLock.unlock();
        }
        if (outcome == Submission.STORED) {
            subscriptions.forEach(SqliteSubscription::wake);
        }
        return outcome;
    }

    private static void write(Connection c, SignedRecord record) throws SQLException {
        DirectoryRecord r = record.record();
        long seq = RecordTable.lastChange(c) + 1; // under the write lock: commit order
        long now = System.currentTimeMillis();
        byte[] encoded = record.encode();
        try (PreparedStatement s = c.prepareStatement(UPSERT)) {
            s.setBytes(1, r.keyId().bytes());
            s.setLong(2, r.serial());
            s.setString(3, r.owner());
            s.setInt(4, r.status().code());
            s.setLong(5, r.expiration());
            s.setBytes(6, encoded);
            s.setLong(7, seq);
            s.setLong(8, now);
            if (s.executeUpdate() != 1) {
                throw new SQLException("the serial guard refused serial " + r.serial()
                        + " although the ordering rules accepted it");
            }
        }
        try (PreparedStatement s = c.prepareStatement(LOG_CHANGE)) {
            s.setLong(1, seq);
            s.setBytes(2, r.keyId().bytes());
            s.setBytes(3, encoded);
            s.setLong(4, now);
            s.executeUpdate();
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

    @Override
    public AutoCloseable subscribe(Consumer<SignedRecord> listener) throws DirectoryException {
        long position;
        try (Connection c = pool.getConnection()) {
            position = RecordTable.lastChange(c);
        } catch (SQLException e) {
            throw StoreFailure.of(name, "subscribing", e);
        }
        SqliteSubscription subscription = new SqliteSubscription(this, new ChangeCursor(listener, position));
        subscriptions.add(subscription);
        subscription.start();
        return subscription;
    }

    /** Rows after {@code seq}, for a subscription. */
    List<StoredChange> changesAfter(long seq) throws DirectoryException {
        try (Connection c = pool.getConnection()) {
            return RecordTable.changesAfter(c, seq, ChangeCursor.BATCH);
        } catch (SQLException e) {
            throw StoreFailure.of(name, "reading changes after " + seq, e);
        }
    }

    void unsubscribe(SqliteSubscription subscription) {
        subscriptions.remove(subscription);
    }

    /** Runs {@code PRAGMA name} on a pooled connection: lets tests see the journal and sync settings. */
    String pragma(String pragma) throws DirectoryException {
        try (Connection c = pool.getConnection();
                PreparedStatement s = c.prepareStatement("PRAGMA " + pragma);
                var rs = s.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw StoreFailure.of(name, "PRAGMA " + pragma, e);
        }
    }

    @Override
    public void close() {
        for (SqliteSubscription s : List.copyOf(subscriptions)) {
            s.close();
        }
        pool.close();
    }

    @Override
    public String toString() {
        return name;
    }
}
