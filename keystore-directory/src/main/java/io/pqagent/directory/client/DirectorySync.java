package io.pqagent.directory.client;

import io.pqagent.directory.record.DirectoryException;
import io.pqagent.directory.record.SignedRecord;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a {@link RecordCache} current from the directory: fetches the configured peers' records, then
 * follows the replica's pushes; after a reconnect it fetches again, since pushes made while it was away
 * are lost. While no replica is reachable, the cache keeps serving what it verified before.
 */
public final class DirectorySync {
    private static final Logger LOG = LoggerFactory.getLogger(DirectorySync.class);

    private final DirectoryClient client;
    private final RecordCache cache;
    private final Set<String> owners;

    public DirectorySync(DirectoryClient client, RecordCache cache, Set<String> owners) {
        this.client = client;
        this.cache = cache;
        this.owners = Set.copyOf(owners);
    }

    /** Subscribes and fetches; throws if no replica answers (the cache still works). */
    public void start() throws DirectoryException {
        client.subscribe(this::offer, this::refreshQuietly);
        refresh();
    }

    /** Fetches every configured owner's records, and keeps them with one write of the cache file. */
    public void refresh() throws DirectoryException {
        List<SignedRecord> fetched = new ArrayList<>();
        for (String owner : owners) {
            fetched.addAll(client.lookupOwner(owner));
        }
        try {
            cache.offerAll(fetched);
        } catch (IOException e) {
            LOG.error("could not persist the directory cache: {}", e.getMessage());
        }
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (DirectoryException e) {
            LOG.warn("directory refresh failed: {}", e.getMessage());
        }
    }

    private void offer(SignedRecord r) {
        try {
            cache.offer(r);
        } catch (IOException e) {
            LOG.error("could not persist the directory cache: {}", e.getMessage());
        }
    }
}
