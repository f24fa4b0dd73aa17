package io.pqagent.directory.store;

import io.pqagent.directory.record.DirectoryRecord;
import io.pqagent.directory.record.RecordFixtures;
import io.pqagent.directory.record.SignedRecord;
import io.pqagent.directory.store.RecordStore.Submission;
import io.pqagent.qsmp.keys.PublicKeyRecord;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The process {@link SqliteKillTest} kills: submits records to the SQLite store named by its argument
 * without end, and prints a line per acknowledged submission, only after {@code submit} returned:
 * {@code authority <hex>} first, then {@code ack <key id hex> <serial>}. Every third submission replaces
 * an earlier key's record with a higher serial, so the kill may also land in the middle of an update.
 */
public final class SqliteSubmitterMain {
    private SqliteSubmitterMain() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        try (RecordFixtures fixtures = new RecordFixtures();
                SqliteRecordStore store = SqliteRecordStore.open(Path.of(args[0]))) {
            out.println("authority " + HexFormat.of().formatHex(fixtures.authorityKey().verificationKey()));
            out.flush();
            List<DirectoryRecord> latest = new ArrayList<>();
            for (int i = 0; i < 1_000_000; i++) {
                DirectoryRecord next;
                if (i % 3 == 2) {
                    DirectoryRecord old = latest.get(i % latest.size());
                    next = fixtures.active(old.publicKey(), old.serial() + 1, "owner-" + (i % 5));
                    latest.set(i % latest.size(), next);
                } else {
                    PublicKeyRecord key = fixtures.newKey();
                    next = fixtures.active(key, 1, "owner-" + (i % 5));
                    latest.add(next);
                }
                SignedRecord signed = fixtures.sign(next);
                if (store.submit(signed) != Submission.STORED) {
                    throw new IllegalStateException("not stored: " + next);
                }
                out.println("ack " + next.keyId().hex() + " " + next.serial());
                out.flush();
            }
        }
    }
}
