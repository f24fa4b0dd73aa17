package io.pqagent.directory.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.pqagent.directory.record.AuthorityKey;
import io.pqagent.directory.record.SignedRecord;
import io.pqagent.qsmp.keys.KeyId;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An acknowledged submission survives SIGKILL of the process that made it, and a killed process never
 * leaves a record half written: a separate JVM ({@link SqliteSubmitterMain}) submits without pause, is
 * killed mid-run, and the reopened store must hold every acknowledged record (or a newer one of its key
 * id), each one verifying under the authority.
 */
class SqliteKillTest {
    private static final int ACKS_BEFORE_KILL = 60;

    @TempDir
    Path dir;

    @Test
    void acknowledgedRecordsSurviveSigkillAndNothingIsHalfWritten() throws Exception {
        Path file = dir.resolve("records.db");
        Process child = new ProcessBuilder(javaCommand(), "-Xmx256m", "-cp", testClassPath(),
                SqliteSubmitterMain.class.getName(), file.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        AuthorityKey authority = null;
        Map<String, Long> acknowledged = new HashMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                String[] f = line.split(" ");
                if (f[0].equals("authority")) {
                    authority = new AuthorityKey(HexFormat.of().parseHex(f[1]));
                } else if (f[0].equals("ack") && f.length == 3) {
                    acknowledged.merge(f[1], Long.parseLong(f[2]), Math::max);
                    if (acknowledged.values().stream().mapToLong(Long::longValue).sum() >= ACKS_BEFORE_KILL) {
                        // SIGKILL while it is submitting the next record
                        child.destroyForcibly();
                        break;
                    }
                }
            }
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(authority).as("the submitter announced its authority").isNotNull();
        assertThat(acknowledged.values().stream().mapToLong(Long::longValue).sum())
                .as("acknowledged submissions before the kill").isGreaterThanOrEqualTo(ACKS_BEFORE_KILL);
        assertThat(child.exitValue()).as("killed, not finished").isNotZero();

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("ok");
        }
        try (SqliteRecordStore store = SqliteRecordStore.open(file)) {
            for (Map.Entry<String, Long> ack : acknowledged.entrySet()) {
                SignedRecord stored = store.byKeyId(KeyId.fromHex(ack.getKey())).orElseThrow(
                        () -> new AssertionError("acknowledged key id " + ack.getKey() + " is missing"));
                assertThat(stored.record().serial()).as("key id %s", ack.getKey()).isGreaterThanOrEqualTo(ack.getValue());
            }
            List<SignedRecord> all = store.list();
            // at most the one submission in flight at the kill may have committed unacknowledged
            assertThat(all.size()).isBetween(acknowledged.size(), acknowledged.size() + 1);
            for (SignedRecord r : all) {
                assertThat(SignedRecord.decode(r.encode(), authority).record()).isEqualTo(r.record());
            }
        }
    }

    private static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Surefire puts the real class path in this property (java.class.path may be a manifest-only jar). */
    private static String testClassPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }
}
