package io.pqagent.directory.client;

import io.pqagent.directory.record.AuthorityKey;
import io.pqagent.directory.record.DirectoryException;
import io.pqagent.directory.record.DirectoryRecord;
import io.pqagent.directory.record.RecordStatus;
import io.pqagent.directory.record.SignedRecord;
import io.pqagent.qsmp.keys.AtomicFile;
import io.pqagent.qsmp.keys.KeyId;
import io.pqagent.qsmp.wire.Clock;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An agent's verified copy of the directory records it cares about, kept in a file so the agent can
 * authenticate its peers across restarts and directory outages, until each record's expiry.
 *
 * <p>Every record is verified against the pinned authority key when it arrives and again when the file
 * is read back (the file is a cache, not a root of trust). Ordering follows the directory's: a record
 * replaces the cached one of its key id only with a higher serial, and a revocation is final.
 *
 * <p>File: {@code "QDC" 01 | count u32 | count × (length u16 | signed record)} (big-endian), written
 * atomically, mode 0600.
 */
public final class RecordCache {
    private static final Logger LOG = LoggerFactory.getLogger(RecordCache.class);
    private static final byte[] MAGIC = {'Q', 'D', 'C', 1};
    private static final int MAX_RECORDS = 100_000;

    private final Path file;
    private final AuthorityKey authority;
    private final Clock clock;
    /** Key id (hex) → newest verified record; guarded by {@code this}. */
    private final Map<String, SignedRecord> records = new TreeMap<>();
    private final List<Consumer<DirectoryRecord>> listeners = new CopyOnWriteArrayList<>();

    private RecordCache(Path file, AuthorityKey authority, Clock clock) {
        this.file = file;
        this.authority = authority;
        this.clock = clock;
    }

    /**
     * Opens the cache file (a missing file is an empty cache). Records that no longer verify are dropped
     * with an error in the log: nothing unverified is ever trusted.
     *
     * @throws IOException if the file exists but cannot be read or is not a cache file at all
     */
    public static RecordCache open(Path file, AuthorityKey authority, Clock clock) throws IOException {
        RecordCache cache = new RecordCache(file, authority, clock);
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return cache;
        }
        cache.load(content);
        return cache;
    }

    private void load(byte[] content) throws IOException {
        ByteBuffer in = ByteBuffer.wrap(content);
        try {
            byte[] magic = new byte[MAGIC.length];
            in.get(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new IOException(file + " is not a directory cache file (bad magic)");
            }
            int count = in.getInt();
            if (count < 0 || count > MAX_RECORDS) {
                throw new IOException(file + " claims " + count + " records, at most " + MAX_RECORDS);
            }
            for (int i = 0; i < count; i++) {
                int n = in.getShort() & 0xffff;
                if (n > in.remaining()) {
                    throw new IOException(file + " is truncated in record " + i);
                }
                byte[] encoded = new byte[n];
                in.get(encoded);
                try {
                    SignedRecord r = SignedRecord.decode(encoded, authority);
                    records.put(r.record().keyId().toString(), r);
                } catch (DirectoryException e) {
                    LOG.error("dropping cached record {} of {}: {}", i, file, e.getMessage());
                }
            }
        } catch (BufferUnderflowException e) {
            throw new IOException(file + " is truncated", e);
        }
    }

    /** Called with each record that changed the cache (new key, newer serial, revocation). */
    public void addListener(Consumer<DirectoryRecord> listener) {
        listeners.add(listener);
    }

    /**
     * Keeps {@code record} if it is newer than the cached one of its key id; persists the cache when it
     * changed. The record must have been verified ({@link SignedRecord#decode}) by the caller.
     *
     * @return true if the cache changed
     */
    public boolean offer(SignedRecord record) throws IOException {
        return offerAll(List.of(record)) == 1;
    }

    /**
     * {@link #offer} for many records (a fetch of every peer's keys) with one write of the file: the file
     * holds every cached record, so writing it per record would cost the square of the peer count.
     *
     * @return how many of the records changed the cache
     */
    public int offerAll(Collection<SignedRecord> offered) throws IOException {
        List<DirectoryRecord> changed = new ArrayList<>();
        try {
            synchronized (this) {
                for (SignedRecord record : offered) {
                    if (newer(record)) {
                        records.put(record.record().keyId().toString(), record);
                        changed.add(record.record());
                    }
                }
                if (!changed.isEmpty()) {
                    persist();
                }
            }
        } finally {
            // the records are in force even if the file could not be written: a revocation must reach the
            // tunnels now, not after the disk is mended
            for (DirectoryRecord r : changed) {
                for (Consumer<DirectoryRecord> l : listeners) {
                    l.accept(r);
                }
            }
        }
        return changed.size();
    }

    /** Directory order: a higher serial of the same key replaces the cached record; a revocation is final. */
    private boolean newer(SignedRecord record) {
        DirectoryRecord r = record.record();
        SignedRecord cached = records.get(r.keyId().toString());
        if (cached == null) {
            return true;
        }
        DirectoryRecord c = cached.record();
        return c.serial() < r.serial() && c.status() != RecordStatus.REVOKED
                && Arrays.equals(c.verificationKey(), r.verificationKey());
    }

    private void persist() throws IOException {
        List<byte[]> encoded = new ArrayList<>(records.size());
        int size = 8;
        for (SignedRecord r : records.values()) {
            byte[] e = r.encode();
            encoded.add(e);
            size += 2 + e.length;
        }
        ByteBuffer out = ByteBuffer.allocate(size).put(MAGIC).putInt(records.size());
        for (byte[] e : encoded) {
            out.putShort((short) e.length).put(e);
        }
        AtomicFile.write(file, out.array(), PosixFilePermissions.fromString("rw-------"));
    }

    public synchronized java.util.Optional<DirectoryRecord> byKeyId(KeyId keyId) {
        SignedRecord r = records.get(keyId.toString());
        return r == null ? java.util.Optional.empty() : java.util.Optional.of(r.record());
    }

    /** Keys of these owners that may authenticate now: active and unexpired. */
    public synchronized List<DirectoryRecord> usable(Set<String> owners) {
        long now = clock.utcSeconds();
        List<DirectoryRecord> out = new ArrayList<>();
        for (SignedRecord s : records.values()) {
            DirectoryRecord r = s.record();
            if (owners.contains(r.owner()) && r.isActive() && !r.isExpiredAt(now)) {
                out.add(r);
            }
        }
        return out;
    }

    /** True if the cache holds a revocation for {@code keyId}. */
    public synchronized boolean isRevoked(KeyId keyId) {
        SignedRecord r = records.get(keyId.toString());
        return r != null && r.record().status() == RecordStatus.REVOKED;
    }

    public synchronized int size() {
        return records.size();
    }
}
