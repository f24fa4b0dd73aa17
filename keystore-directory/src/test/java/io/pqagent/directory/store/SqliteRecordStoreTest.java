package io.pqagent.directory.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pqagent.directory.record.DirectoryError;
import io.pqagent.directory.record.DirectoryException;
import io.pqagent.directory.record.SignedRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteRecordStoreTest extends RecordStoreContract {
    @TempDir
    Path dir;
    private Path file;
    private int stores;

    @Override
    RecordStore openEmptyStore() throws DirectoryException {
        file = dir.resolve("store-" + ++stores).resolve("records.db");
        return SqliteRecordStore.open(file);
    }

    @Override
    RecordStore openSameStore() throws DirectoryException {
        return SqliteRecordStore.open(file);
    }

    @Test
    void acknowledgedWritesAreDurable() throws DirectoryException {
        SqliteRecordStore sqlite = (SqliteRecordStore) store;
        assertThat(sqlite.pragma("journal_mode")).isEqualTo("wal");
        assertThat(sqlite.pragma("synchronous")).isEqualTo("2"); // FULL: the WAL is synced at every commit
        assertThat(Files.exists(file)).isTrue();
    }

    @Test
    void opensFromItsLocationString() throws Exception {
        Path other = dir.resolve("by-location").resolve("records.db");
        try (RecordStore s = RecordStores.open("sqlite:" + other)) {
            assertThat(s).isInstanceOf(SqliteRecordStore.class);
            assertThat(((SqliteRecordStore) s).file()).isEqualTo(other);
        }
        try (RecordStore s = RecordStores.open("sqlite://" + other)) {
            assertThat(((SqliteRecordStore) s).file()).isEqualTo(other);
        }
    }

    @Test
    void damagedRowIsAStoreFailureNamingTheKeyId() throws Exception {
        SignedRecord r = fixtures.signActive(fixtures.newKey(), 1, "alice");
        store.submit(r);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                PreparedStatement s = c.prepareStatement("UPDATE directory_record SET signed_record = ?")) {
            byte[] damaged = r.encode();
            damaged[damaged.length / 2] ^= 1;
            s.setBytes(1, java.util.Arrays.copyOf(damaged, damaged.length - 1));
            s.executeUpdate();
        }
        assertThatThrownBy(() -> store.byKeyId(r.record().keyId()))
                .isInstanceOfSatisfying(DirectoryException.class,
                        e -> assertThat(e.error()).isEqualTo(DirectoryError.STORE_FAILURE))
                .hasMessageContaining("damaged").hasMessageContaining(r.record().keyId().hex());
    }

    @Test
    void unopenableFileIsAStoreFailure() throws Exception {
        Path notADatabase = dir.resolve("not-a-db");
        Files.writeString(notADatabase, "this is not an SQLite database, just text that is long enough. ".repeat(4));
        assertThatThrownBy(() -> SqliteRecordStore.open(notADatabase))
                .isInstanceOfSatisfying(DirectoryException.class,
                        e -> assertThat(e.error()).isEqualTo(DirectoryError.STORE_FAILURE))
                .hasMessageContaining(notADatabase.toString());
    }
}
