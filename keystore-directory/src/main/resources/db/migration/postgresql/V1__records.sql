-- The newest signed directory record of each key id (docs/directory.md).
-- signed_record holds the authority-signed bytes exactly as submitted; serial, owner, status and
-- expiration are copies of its fields so lookups and the ordering rules need no parsing.
CREATE TABLE directory_record (
    key_id        bytea       NOT NULL PRIMARY KEY CHECK (octet_length(key_id) = 16),
    serial        bigint      NOT NULL CHECK (serial > 0),
    owner         text        NOT NULL,
    status        smallint    NOT NULL CHECK (status IN (1, 2)),
    expiration    bigint      NOT NULL,
    signed_record bytea       NOT NULL,
    change_seq    bigint      NOT NULL UNIQUE, -- the directory_change row of the last write
    updated_at    timestamptz NOT NULL
);

CREATE INDEX directory_record_owner ON directory_record (owner, serial);

-- The change feed: every stored record in commit order, one row per accepted write, kept (an audit
-- trail; a directory is written by its operator). Every write takes the next value of
-- directory_change_seq while holding the store's write lock (a transaction-level advisory lock), so
-- change_seq order is commit order and a replica's listener catches up exactly with
-- "change_seq > last delivered" after a lost connection. The write also sends NOTIFY on channel
-- qsmp_directory_record, which PostgreSQL delivers only on commit.
CREATE SEQUENCE directory_change_seq AS bigint;

CREATE TABLE directory_change (
    change_seq    bigint      NOT NULL PRIMARY KEY,
    key_id        bytea       NOT NULL,
    signed_record bytea       NOT NULL,
    changed_at    timestamptz NOT NULL
);
