package io.pqagent.directory.client;

import io.pqagent.directory.protocol.DirectoryRequest;
import io.pqagent.directory.protocol.DirectoryResponse;
import io.pqagent.directory.record.AuthorityKey;
import io.pqagent.directory.record.DirectoryError;
import io.pqagent.directory.record.DirectoryException;
import io.pqagent.directory.record.SignedRecord;
import io.pqagent.directory.store.RecordStore.Submission;
import io.pqagent.qsmp.handshake.HandshakeContext;
import io.pqagent.qsmp.keys.KeyId;
import io.pqagent.qsmp.transport.QsmpNetwork;
import io.pqagent.qsmp.transport.TransportSettings;
import io.pqagent.qsmp.transport.Tunnel;
import io.pqagent.qsmp.transport.TunnelClosed;
import io.pqagent.qsmp.transport.TunnelHandler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An agent's (or the operator tool's) connection to the directory: one QSMP Simplex tunnel to the first
 * replica that answers, failing over to the next. Every record received is verified against the pinned
 * authority key before anyone sees it. A subscription survives replica restarts and failover: the client
 * reconnects with backoff, subscribes again and tells the subscriber to catch up
 * ({@code onResubscribed}), since pushes sent while it was away are lost.
 */
public final class DirectoryClient implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DirectoryClient.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final QsmpNetwork network;
    private final HandshakeContext ctx;
    private final List<ReplicaEndpoint> replicas;
    private final AuthorityKey authority;
    private final TransportSettings settings;
    private final Duration timeout;
    private final AtomicInteger nextRequestId = new AtomicInteger();
    private final Map<Integer, CompletableFuture<DirectoryResponse>> pending = new ConcurrentHashMap<>();
    private final ScheduledExecutorService background;
    private final Object connectLock = new Object();
    private volatile Tunnel tunnel;
    private volatile int preferred;
    private volatile Subscription subscription;
    private volatile boolean closed;

    public DirectoryClient(QsmpNetwork network, HandshakeContext ctx, List<ReplicaEndpoint> replicas,
            AuthorityKey authority, TransportSettings settings, Duration timeout) {
        if (replicas.isEmpty()) {
            throw new IllegalArgumentException("at least one directory replica is needed");
        }
        this.network = network;
        this.ctx = ctx;
        this.replicas = List.copyOf(replicas);
        this.authority = authority;
        this.settings = settings;
        this.timeout = timeout;
        this.background = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "directory-client");
            t.setDaemon(true);
            return t;
        });
    }

    /** The newest record of {@code keyId}, verified; UNKNOWN_KEY_ID if the directory has none. */
    public SignedRecord lookup(KeyId keyId) throws DirectoryException {
        List<SignedRecord> found = records(new DirectoryRequest.LookupKeyId(requestId(), keyId));
        if (found.size() != 1 || !found.get(0).record().keyId().equals(keyId)) {
            throw new DirectoryException(DirectoryError.MALFORMED_REQUEST,
                    "replica answered a lookup of " + keyId + " with another record");
        }
        return found.get(0);
    }

    /** Every key of {@code owner} (active and revoked), verified. */
    public List<SignedRecord> lookupOwner(String owner) throws DirectoryException {
        List<SignedRecord> found = records(new DirectoryRequest.LookupOwner(requestId(), owner));
        for (SignedRecord r : found) {
            if (!r.record().owner().equals(owner)) {
                throw new DirectoryException(DirectoryError.MALFORMED_REQUEST,
                        "replica answered a lookup of owner " + owner + " with a record of " + r.record().owner());
            }
        }
        return found;
    }

    /** Every record in the directory, page by page, verified. */
    public List<SignedRecord> list() throws DirectoryException {
        List<SignedRecord> all = new ArrayList<>();
        KeyId after = new KeyId(new byte[KeyId.SIZE]);
        while (true) {
            List<SignedRecord> page = records(new DirectoryRequest.ListRecords(requestId(), after,
                    DirectoryRequest.MAX_LIST_PAGE));
            all.addAll(page);
            if (page.size() < DirectoryRequest.MAX_LIST_PAGE) {
                return all;
            }
            after = page.get(page.size() - 1).record().keyId();
        }
    }

    /** Hands a record the authority signed to a replica; returns once the replica has stored it. */
    public Submission submit(SignedRecord record) throws DirectoryException {
        DirectoryResponse r = call(new DirectoryRequest.Submit(requestId(), record.encode()));
        if (r instanceof DirectoryResponse.Submitted s) {
            return s.outcome();
        }
        throw unexpected(r);
    }

    /**
     * Pushes every record stored from now on to {@code onRecord} (verified, in arrival order, on one
     * background thread). After a reconnect, {@code onResubscribed} runs first so the subscriber can fetch
     * what it may have missed. Returns once the first replica confirmed the subscription.
     */
    public void subscribe(Consumer<SignedRecord> onRecord, Runnable onResubscribed) throws DirectoryException {
        subscription = new Subscription(onRecord, onResubscribed);
        expectSubscribed(call(new DirectoryRequest.Subscribe(requestId())));
    }

    public boolean isConnected() {
        Tunnel t = tunnel;
        return t != null && t.isOpen();
    }

    private List<SignedRecord> records(DirectoryRequest request) throws DirectoryException {
        DirectoryResponse r = call(request);
        if (!(r instanceof DirectoryResponse.Records records)) {
            throw unexpected(r);
        }
        List<SignedRecord> out = new ArrayList<>(records.signedRecords().size());
        for (byte[] encoded : records.signedRecords()) {
            out.add(SignedRecord.decode(encoded, authority));
        }
        return out;
    }

    private DirectoryResponse call(DirectoryRequest request) throws DirectoryException {
        Tunnel t = connected();
        CompletableFuture<DirectoryResponse> answer = new CompletableFuture<>();
        pending.put(request.requestId(), answer);
        try {
            t.send(request.encode());
            DirectoryResponse r = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (r instanceof DirectoryResponse.Failure f) {
                throw f.toException();
            }
            return r;
        } catch (TimeoutException e) {
            throw new DirectoryException(DirectoryError.UNAVAILABLE, "no answer from " + t.remoteAddress()
                    + " within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            throw new DirectoryException(DirectoryError.UNAVAILABLE, e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DirectoryException(DirectoryError.UNAVAILABLE, "interrupted");
        } finally {
            pending.remove(request.requestId());
        }
    }

    private Tunnel connected() throws DirectoryException {
        synchronized (connectLock) {
            if (closed) {
                throw new DirectoryException(DirectoryError.UNAVAILABLE, "the directory client is closed");
            }
            Tunnel t = tunnel;
            if (t != null && t.isOpen()) {
                return t;
            }
            List<String> failures = new ArrayList<>();
            for (int i = 0; i < replicas.size(); i++) {
                int index = (preferred + i) % replicas.size();
                ReplicaEndpoint replica = replicas.get(index);
                try {
                    t = network.connectSimplex(ctx, replica.serverKey(), replica.address(), settings, new Handler())
                            .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                    tunnel = t;
                    preferred = index;
                    return t;
                } catch (ExecutionException e) {
                    failures.add(replica + ": " + e.getCause().getMessage());
                } catch (TimeoutException e) {
                    failures.add(replica + ": no tunnel within " + timeout.toMillis() + " ms");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new DirectoryException(DirectoryError.UNAVAILABLE, "interrupted");
                }
            }
            preferred = (preferred + 1) % replicas.size();
            throw new DirectoryException(DirectoryError.UNAVAILABLE, String.join("; ", failures));
        }
    }

    private final class Handler implements TunnelHandler {
        @Override
        public void onMessage(Tunnel t, byte[] message) {
            DirectoryResponse r;
            try {
                r = DirectoryResponse.decode(message);
            } catch (DirectoryException e) {
                LOG.warn("closing the tunnel to {}: {}", t.remoteAddress(), e.getMessage());
                t.close();
                return;
            }
            if (r instanceof DirectoryResponse.Event event) {
                deliver(t, event.signedRecord());
                return;
            }
            CompletableFuture<DirectoryResponse> f = pending.get(r.requestId());
            if (f != null) {
                f.complete(r);
            }
        }

        @Override
        public void onClosed(Tunnel t, TunnelClosed why) {
            for (CompletableFuture<DirectoryResponse> f : pending.values()) {
                f.completeExceptionally(new IllegalStateException("tunnel to " + t.remoteAddress() + " closed: " + why));
            }
            if (t == tunnel && subscription != null && !closed) {
                LOG.warn("lost the directory replica {} ({}); reconnecting", t.remoteAddress(), why);
                preferred = (preferred + 1) % replicas.size();
                background.execute(() -> resubscribe(1));
            }
        }
    }

    private void deliver(Tunnel from, byte[] encoded) {
        Subscription s = subscription;
        if (s == null) {
            return;
        }
        background.execute(() -> {
            try {
                s.onRecord().accept(SignedRecord.decode(encoded, authority));
            } catch (DirectoryException e) {
                LOG.error("replica {} pushed a record that does not verify: {}", from.remoteAddress(), e.getMessage());
            } catch (RuntimeException e) {
                LOG.error("the directory subscriber failed", e);
            }
        });
    }

    private void resubscribe(int attempt) {
        Subscription s = subscription;
        if (closed || s == null) {
            return;
        }
        try {
            expectSubscribed(call(new DirectoryRequest.Subscribe(requestId())));
            LOG.info("subscribed again to directory replica {}", tunnel.remoteAddress());
            s.onResubscribed().run();
        } catch (DirectoryException | RuntimeException e) {
            long cap = Math.min(MAX_BACKOFF.toMillis(), 250L << Math.min(attempt, 7));
            long delay = cap / 2 + ThreadLocalRandom.current().nextLong(cap / 2 + 1);
            LOG.warn("directory resubscription failed ({}); retrying in {} ms", e.getMessage(), delay);
            background.schedule(() -> resubscribe(attempt + 1), delay, TimeUnit.MILLISECONDS);
        }
    }

    private static void expectSubscribed(DirectoryResponse r) throws DirectoryException {
        if (!(r instanceof DirectoryResponse.Subscribed)) {
            throw unexpected(r);
        }
    }

    private int requestId() {
        int id;
        do {
            id = nextRequestId.incrementAndGet();
        } while (id == 0);
        return id;
    }

    private static DirectoryException unexpected(DirectoryResponse r) {
        return new DirectoryException(DirectoryError.MALFORMED_REQUEST, "unexpected replica answer "
                + r.getClass().getSimpleName());
    }

    @Override
    public void close() {
        closed = true;
        background.shutdownNow();
        Tunnel t = tunnel;
        if (t != null) {
            t.close();
        }
    }

    private record Subscription(Consumer<SignedRecord> onRecord, Runnable onResubscribed) {
    }
}
