package io.pqagent.directory.store;

import io.pqagent.directory.record.SignedRecord;

/** A row of the change feed (table {@code directory_change}): a stored record and its change sequence number. */
record StoredChange(long changeSeq, SignedRecord record) {
}
