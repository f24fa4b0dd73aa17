package io.pqagent.directory.cli;

import io.pqagent.directory.record.DirectoryRecord;
import java.time.Instant;

/** One record as one line an operator can read and grep. */
final class RecordText {
    private RecordText() {
    }

    static String line(DirectoryRecord r) {
        return r.keyId() + "  " + r.status().name().toLowerCase() + "  owner=" + r.owner()
                + (r.site().isEmpty() ? "" : "  site=" + r.site())
                + (r.roles().isEmpty() ? "" : "  roles=" + String.join(",", r.roles()))
                + "  expires=" + Instant.ofEpochSecond(r.expiration()) + "  serial=" + r.serial()
                + "  config=" + r.config().text();
    }
}
