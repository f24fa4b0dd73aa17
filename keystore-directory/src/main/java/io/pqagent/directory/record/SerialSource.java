package io.pqagent.directory.record;

import io.pqagent.qsmp.keys.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Serial numbers for the authority's records: strictly increasing across runs, kept in a small file
 * beside the authority key. Each serial is also at least the current time in microseconds, so a lost
 * or restored-from-backup state file still yields serials above everything issued before.
 */
public final class SerialSource {
    private final Path file;

    public SerialSource(Path file) {
        this.file = file;
    }

    public synchronized long next() throws IOException {
        long last = 0;
        try {
            String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
            last = Long.parseLong(text);
        } catch (NoSuchFileException e) {
            // first record of this authority
        } catch (NumberFormatException e) {
            throw new IOException(file + " does not hold a serial number: " + e.getMessage());
        }
        long micros = Math.multiplyExact(System.currentTimeMillis(), 1000L);
        long serial = Math.max(Math.addExact(last, 1), micros);
        AtomicFile.write(file, (serial + "\n").getBytes(StandardCharsets.US_ASCII),
                PosixFilePermissions.fromString("rw-------"));
        return serial;
    }
}
