package io.pqagent.directory.store;

import io.pqagent.directory.record.SignedRecord;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One subscriber's position in the change feed (table {@code directory_change}: every stored record, in
 * commit order): the change sequence number of the last record handed to its listener. Subscriptions read "everything after the cursor" whenever they are woken, so a lost wake-up
 * (a dropped PostgreSQL connection, a coalesced notification) delays a delivery but never loses it.
 * Used by one delivery thread only.
 */
final class ChangeCursor {
    /** How many rows one read of the feed takes; the reader loops until it gets fewer. */
    static final int BATCH = 256;
    private static final Logger LOG = LoggerFactory.getLogger(ChangeCursor.class);

    private final Consumer<SignedRecord> listener;
    private long position;

    ChangeCursor(Consumer<SignedRecord> listener, long position) {
        this.listener = listener;
        this.position = position;
    }

    long position() {
        return position;
    }

    /**
     * Hands {@code changes} (read after {@link #position()}, in change order) to the listener. A listener
     * that throws is logged and skipped: the subscription goes on with the next record.
     *
     * @return whether this was a full batch, so more may follow
     */
    boolean deliver(List<StoredChange> changes) {
        for (StoredChange change : changes) {
            try {
                listener.accept(change.record());
            } catch (RuntimeException e) {
                LOG.warn("a directory record listener failed on {}; continuing with the next record",
                        change.record(), e);
            }
            position = change.changeSeq();
        }
        return changes.size() >= BATCH;
    }
}
