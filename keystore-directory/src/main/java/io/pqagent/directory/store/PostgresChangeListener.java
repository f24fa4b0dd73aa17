package io.pqagent.directory.store;

import io.pqagent.directory.record.DirectoryException;
import io.pqagent.directory.record.SignedRecord;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One subscription to a {@link PostgresRecordStore}: a dedicated connection (outside the pool, which would
 * recycle it) that LISTENs on {@link PostgresRecordStore#CHANNEL}, and a daemon thread that waits for
 * notifications and then reads the change feed after its cursor. Notifications only wake it; what is
 * delivered comes from {@code change_seq > cursor}, so coalesced or lost notifications lose nothing.
 *
 * <p>When the connection drops (server restart, {@code pg_terminate_backend}, network), the thread
 * reconnects with a growing pause (0.1 s doubling to 5 s), LISTENs again and catches up from its cursor.
 * While idle it reads the feed every few seconds anyway, which also notices a dead connection.
 */
final class PostgresChangeListener implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresChangeListener.class);
    private static final int WAIT_MILLIS = 500;
    private static final long IDLE_READ_MILLIS = 5_000;
    private static final long FIRST_RETRY_MILLIS = 100;
    private static final long MAX_RETRY_MILLIS = 5_000;
    /** Bounds every statement of the listener connection, so a silently dead peer is noticed. */
    private static final String SOCKET_TIMEOUT_SECONDS = "30";

    private final String jdbcUrl;
    private final String store;
    private final ChangeCursor cursor;
    private final Consumer<PostgresChangeListener> onClose;
    private final Thread thread;
    private volatile Connection connection;
    private volatile boolean closed;

    private PostgresChangeListener(String jdbcUrl, String store, ChangeCursor cursor, Connection connection,
            Consumer<PostgresChangeListener> onClose) {
        this.jdbcUrl = jdbcUrl;
        this.store = store;
        this.cursor = cursor;
        this.connection = connection;
        this.onClose = onClose;
        this.thread = new Thread(this::run, "qsmp-directory-postgresql-listener");
        thread.setDaemon(true);
    }

    /** Connects and LISTENs before reading the cursor's start, so no commit falls between the two. */
    static PostgresChangeListener start(String jdbcUrl, String store, Consumer<SignedRecord> listener,
            Consumer<PostgresChangeListener> onClose) throws DirectoryException {
        Connection c = null;
        try {
            c = connect(jdbcUrl);
            long position = RecordTable.lastChange(c);
            PostgresChangeListener l = new PostgresChangeListener(jdbcUrl, store, new ChangeCursor(listener, position),
                    c, onClose);
            l.thread.start();
            return l;
        } catch (SQLException e) {
            closeQuietly(c);
            throw StoreFailure.of(store, "subscribing (LISTEN " + PostgresRecordStore.CHANNEL + ")", e);
        }
    }

    private static Connection connect(String jdbcUrl) throws SQLException {
        Properties props = new Properties();
        props.setProperty("ApplicationName", PostgresRecordStore.LISTENER_APPLICATION_NAME);
        props.setProperty("socketTimeout", SOCKET_TIMEOUT_SECONDS);
        props.setProperty("tcpKeepAlive", "true");
        Connection c = DriverManager.getConnection(jdbcUrl, props);
        try (Statement s = c.createStatement()) {
            s.execute("LISTEN " + PostgresRecordStore.CHANNEL);
        } catch (SQLException e) {
            closeQuietly(c);
            throw e;
        }
        return c;
    }

    private void run() {
        long retry = FIRST_RETRY_MILLIS;
        boolean failing = false;
        long lastRead = System.nanoTime();
        try {
            while (!closed) {
                try {
                    Connection c = connection;
                    boolean read = false;
                    if (c == null) {
                        c = connect(jdbcUrl);
                        connection = c;
                        read = true; // catch up on whatever was committed while we were away
                    } else {
                        PGNotification[] notes = c.unwrap(PGConnection.class).getNotifications(WAIT_MILLIS);
                        read = (notes != null && notes.length > 0)
                                || System.nanoTime() - lastRead > IDLE_READ_MILLIS * 1_000_000;
                    }
                    if (read && !closed) {
                        catchUp(c);
                        lastRead = System.nanoTime();
                    }
                    if (failing) {
                        LOG.info("{}: change listener reconnected and caught up to change {}", store,
                                cursor.position());
                        failing = false;
                    }
                    retry = FIRST_RETRY_MILLIS;
                } catch (SQLException | DirectoryException e) {
                    if (closed) {
                        break;
                    }
                    if (!failing) {
                        LOG.warn("{}: change listener lost its connection or read failed; reconnecting", store, e);
                        failing = true;
                    }
                    closeQuietly(connection);
                    connection = null;
                    Thread.sleep(retry);
                    retry = Math.min(retry * 2, MAX_RETRY_MILLIS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeQuietly(connection);
            connection = null;
        }
    }

    private void catchUp(Connection c) throws SQLException, DirectoryException {
        while (!closed && cursor.deliver(RecordTable.changesAfter(c, cursor.position(), ChangeCursor.BATCH))) {
            // a full batch: read on
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                LOG.debug("closing a listener connection failed", e);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        onClose.accept(this);
        if (Thread.currentThread() != thread) {
            try {
                thread.join(WAIT_MILLIS * 4L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (thread.isAlive()) {
                // stuck in a statement: closing the socket under it ends the wait
                closeQuietly(connection);
                thread.interrupt();
            }
        }
    }
}
