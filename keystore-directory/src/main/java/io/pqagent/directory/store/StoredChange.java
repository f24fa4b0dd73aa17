package io.pqagent.directory.store;

import io.pqagent.directory.record.SignedRecord;

/** A row of the change feed: a key id's newest record and the change sequence number of its last write. */
record StoredChange(long changeSeq, SignedRecord record) {
}
