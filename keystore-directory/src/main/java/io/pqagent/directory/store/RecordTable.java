package io.pqagent.directory.store;

import io.pqagent.directory.record.DirectoryError;
import io.pqagent.directory.record.DirectoryException;
import io.pqagent.directory.record.SignedRecord;
import io.pqagent.qsmp.keys.KeyId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The reads of tables {@code directory_record} and {@code directory_change} (db/migration/*&#47;V1__records.sql),
 * the same SQL for SQLite and PostgreSQL. Stored bytes were verified before they were written, so they are parsed without a signature
 * check ({@link SignedRecord#parseStored}); a row that does not parse, or that sits under another key id,
 * is a damaged store, reported as {@link DirectoryError#STORE_FAILURE}.
 */
final class RecordTable {
    private static final String BY_KEY_ID = "SELECT key_id, signed_record FROM directory_record WHERE key_id = ?";
    private static final String BY_OWNER =
            "SELECT key_id, signed_record FROM directory_record WHERE owner = ? ORDER BY serial, key_id";
    private static final String ALL = "SELECT key_id, signed_record FROM directory_record ORDER BY key_id";
    // key_id is a BLOB (SQLite) or bytea (PostgreSQL): both order it as unsigned bytes, no collation
    private static final String PAGE =
            "SELECT key_id, signed_record FROM directory_record WHERE key_id > ? ORDER BY key_id LIMIT ?";
    private static final String CHANGES_AFTER = "SELECT key_id, signed_record, change_seq FROM directory_change"
            + " WHERE change_seq > ? ORDER BY change_seq LIMIT ?";
    private static final String LAST_CHANGE = "SELECT coalesce(max(change_seq), 0) FROM directory_change";

    private RecordTable() {
    }

    static Optional<SignedRecord> find(Connection c, KeyId keyId) throws SQLException, DirectoryException {
        try (PreparedStatement s = c.prepareStatement(BY_KEY_ID)) {
            s.setBytes(1, keyId.bytes());
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(parse(rs)) : Optional.empty();
            }
        }
    }

    static List<SignedRecord> byOwner(Connection c, String owner) throws SQLException, DirectoryException {
        try (PreparedStatement s = c.prepareStatement(BY_OWNER)) {
            s.setString(1, owner);
            return readAll(s);
        }
    }

    static List<SignedRecord> page(Connection c, KeyId after, int max) throws SQLException, DirectoryException {
        try (PreparedStatement s = c.prepareStatement(PAGE)) {
            s.setBytes(1, after.bytes());
            s.setInt(2, max);
            return readAll(s);
        }
    }

    static List<SignedRecord> all(Connection c) throws SQLException, DirectoryException {
        try (PreparedStatement s = c.prepareStatement(ALL)) {
            return readAll(s);
        }
    }

    /** Up to {@code limit} records stored after change {@code seq}, in commit order. */
    static List<StoredChange> changesAfter(Connection c, long seq, int limit) throws SQLException, DirectoryException {
        try (PreparedStatement s = c.prepareStatement(CHANGES_AFTER)) {
            s.setLong(1, seq);
            s.setInt(2, limit);
            List<StoredChange> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new StoredChange(rs.getLong(3), parse(rs)));
                }
            }
            return out;
        }
    }

    /** The change sequence number of the latest write, 0 for an empty table. */
    static long lastChange(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(LAST_CHANGE); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<SignedRecord> readAll(PreparedStatement s) throws SQLException, DirectoryException {
        List<SignedRecord> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                out.add(parse(rs));
            }
        }
        return out;
    }

    /** Columns 1 and 2 of {@code rs}: key_id, signed_record. */
    private static SignedRecord parse(ResultSet rs) throws SQLException, DirectoryException {
        byte[] kid = rs.getBytes(1);
        byte[] stored = rs.getBytes(2);
        SignedRecord record;
        try {
            record = SignedRecord.parseStored(stored);
        } catch (DirectoryException e) {
            throw new DirectoryException(DirectoryError.STORE_FAILURE,
                    "the stored record of key id " + hex(kid) + " is damaged: " + e.getMessage(), e);
        }
        if (!Arrays.equals(kid, record.record().keyId().bytes())) {
            throw new DirectoryException(DirectoryError.STORE_FAILURE,
                    "the row of key id " + hex(kid) + " holds the record of key id " + record.record().keyId().hex());
        }
        return record;
    }

    private static String hex(byte[] b) {
        return b == null ? "null" : HexFormat.of().formatHex(b);
    }
}
