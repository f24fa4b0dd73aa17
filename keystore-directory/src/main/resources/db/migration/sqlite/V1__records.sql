-- The newest signed directory record of each key id (docs/directory.md).
-- signed_record holds the authority-signed bytes exactly as submitted; serial, owner, status and
-- expiration are copies of its fields so lookups and the ordering rules need no parsing.
-- change_seq grows with every write (max + 1 under the write lock), so "every change after N" is one
-- indexed range read: the subscriptions follow it.
CREATE TABLE directory_record (
    key_id        BLOB    NOT NULL PRIMARY KEY CHECK (length(key_id) = 16),
    serial        INTEGER NOT NULL CHECK (serial > 0),
    owner         TEXT    NOT NULL,
    status        INTEGER NOT NULL CHECK (status IN (1, 2)),
    expiration    INTEGER NOT NULL,
    signed_record BLOB    NOT NULL,
    change_seq    INTEGER NOT NULL UNIQUE,
    updated_at    INTEGER NOT NULL -- Unix milliseconds
) STRICT;

CREATE INDEX directory_record_owner ON directory_record (owner, serial);
