package io.pqagent.directory.store;

import io.pqagent.directory.record.DirectoryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A subscription to a {@link SqliteRecordStore}: a daemon thread that reads the change feed after its
 * cursor when a submit through the store wakes it, and at least once a second (writes by another process
 * on the same file wake nobody here).
 */
final class SqliteSubscription implements AutoCloseable {
    static final long POLL_MILLIS = 1_000;
    private static final Logger LOG = LoggerFactory.getLogger(SqliteSubscription.class);

    private final SqliteRecordStore store;
    private final ChangeCursor cursor;
    private final Thread thread;
    private final Object signal = new Object();
    private boolean woken;
    private volatile boolean closed;

    SqliteSubscription(SqliteRecordStore store, ChangeCursor cursor) {
        this.store = store;
        this.cursor = cursor;
        this.thread = new Thread(this::run, "qsmp-directory-sqlite-subscription");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    private void run() {
        boolean failing = false;
        while (!closed) {
            try {
                while (!closed && cursor.deliver(store.changesAfter(cursor.position()))) {
                    // a full batch: read on
                }
                if (failing) {
                    LOG.info("{}: subscription reads the change feed again", store);
                    failing = false;
                }
            } catch (DirectoryException e) {
                if (!failing && !closed) {
                    LOG.warn("{}: subscription cannot read the change feed; retrying", store, e);
                }
                failing = true;
            }
            synchronized (signal) {
                if (!woken && !closed) {
                    try {
                        signal.wait(POLL_MILLIS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                woken = false;
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        store.unsubscribe(this);
        wake();
        if (Thread.currentThread() != thread) {
            try {
                thread.join(POLL_MILLIS * 5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
