package io.pqagent.directory.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Store locations as an operator writes them; the stores themselves are opened in the store tests. */
class RecordStoresTest {

    @Test
    void unknownSchemeIsRefusedNamingTheAcceptedForms() {
        assertThatThrownBy(() -> RecordStores.open("mysql://db.example/directory"))
                .isInstanceOfSatisfying(UnknownStoreSchemeException.class, e -> assertThat(e.scheme()).isEqualTo("mysql"))
                .hasMessageContaining("sqlite:PATH").hasMessageContaining("postgresql://");
        assertThatThrownBy(() -> RecordStores.open("/var/lib/records.db"))
                .isInstanceOfSatisfying(UnknownStoreSchemeException.class, e -> assertThat(e.scheme()).isEmpty());
        assertThatThrownBy(() -> RecordStores.open("jdbc:mysql://db/directory"))
                .isInstanceOfSatisfying(UnknownStoreSchemeException.class,
                        e -> assertThat(e.scheme()).isEqualTo("jdbc:mysql"));
    }

    @Test
    void unknownSchemeMessageHidesThePassword() {
        assertThatThrownBy(() -> RecordStores.open("mysql://dir:hunter2@db/directory?password=hunter2"))
                .isInstanceOf(UnknownStoreSchemeException.class).hasMessageNotContaining("hunter2");
    }

    @Test
    void sqliteLocationNamesAFile() {
        assertThat(RecordStores.sqlitePath("/var/lib/qsmp-directory/records.db", "x"))
                .isEqualTo(Path.of("/var/lib/qsmp-directory/records.db"));
        assertThat(RecordStores.sqlitePath("///var/lib/records.db", "x")).isEqualTo(Path.of("/var/lib/records.db"));
        assertThat(RecordStores.sqlitePath("records.db", "x")).isEqualTo(Path.of("records.db"));
        assertThatThrownBy(() -> RecordStores.open("sqlite:")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("names no file");
    }

    @Test
    void postgresLocationsBecomeJdbcUrls() {
        assertThat(RecordStores.postgresJdbcUrl("postgresql://db.example:5433/directory?user=dir&password=x"))
                .isEqualTo("jdbc:postgresql://db.example:5433/directory?user=dir&password=x");
        assertThat(RecordStores.postgresJdbcUrl("postgres://db.example/directory"))
                .isEqualTo("jdbc:postgresql://db.example/directory");
        assertThat(RecordStores.postgresJdbcUrl("postgresql://dir:p%40ss@db.example/directory?sslmode=require"))
                .isEqualTo("jdbc:postgresql://db.example/directory?user=dir&password=p%40ss&sslmode=require");
        assertThat(RecordStores.postgresJdbcUrl("jdbc:postgresql://10.0.0.5:5432/directory"))
                .isEqualTo("jdbc:postgresql://10.0.0.5:5432/directory");
        assertThat(RecordStores.postgresJdbcUrl("postgresql://[::1]:5432/directory"))
                .isEqualTo("jdbc:postgresql://[::1]:5432/directory");
    }

    @Test
    void postgresLocationNeedsHostAndDatabase() {
        for (String bad : new String[] {"postgresql://db.example", "postgresql://db.example/", "postgresql:///directory",
                "postgresql://db.example/a/b"}) {
            assertThatThrownBy(() -> RecordStores.postgresJdbcUrl(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("HOST");
        }
    }

    @Test
    void redactionHidesPasswordsInBothPlaces() {
        assertThat(Redaction.url("jdbc:postgresql://h/d?user=u&password=secret&ssl=true"))
                .isEqualTo("jdbc:postgresql://h/d?user=u&password=***&ssl=true");
        assertThat(Redaction.url("postgresql://u:secret@h/d")).isEqualTo("postgresql://u:***@h/d");
        assertThat(Redaction.url("postgresql://u@h/d")).isEqualTo("postgresql://u@h/d");
    }
}
