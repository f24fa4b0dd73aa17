-- The newest signed directory record of each key id (docs/directory.md).
-- signed_record holds the authority-signed bytes exactly as submitted; serial, owner, status and
-- expiration are copies of its fields so lookups and the ordering rules need no parsing.
CREATE TABLE directory_record (
    key_id        BLOB    NOT NULL PRIMARY KEY CHECK (length(key_id) = 16),
    serial        INTEGER NOT NULL CHECK (serial > 0),
    owner         TEXT    NOT NULL,
    status        INTEGER NOT NULL CHECK (status IN (1, 2)),
    expiration    INTEGER NOT NULL,
    signed_record BLOB    NOT NULL,
    change_seq    INTEGER NOT NULL UNIQUE, -- the directory_change row of the last write
    updated_at    INTEGER NOT NULL         -- Unix milliseconds
) STRICT;

CREATE INDEX directory_record_owner ON directory_record (owner, serial);

-- The change feed: every stored record in commit order, which subscriptions read after their cursor.
-- change_seq is max + 1, taken under SQLite's write lock (BEGIN IMMEDIATE), so its order is commit order.
-- One row per accepted write, kept (an audit trail; a directory is written by its operator).
CREATE TABLE directory_change (
    change_seq    INTEGER NOT NULL PRIMARY KEY,
    key_id        BLOB    NOT NULL,
    signed_record BLOB    NOT NULL,
    changed_at    INTEGER NOT NULL -- Unix milliseconds
) STRICT;
