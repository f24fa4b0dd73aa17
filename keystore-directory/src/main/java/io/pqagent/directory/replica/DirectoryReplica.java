package io.pqagent.directory.replica;

import io.pqagent.directory.protocol.DirectoryRequest;
import io.pqagent.directory.protocol.DirectoryResponse;
import io.pqagent.directory.record.DirectoryError;
import io.pqagent.directory.record.DirectoryException;
import io.pqagent.directory.record.RecordStatus;
import io.pqagent.directory.record.SignedRecord;
import io.pqagent.directory.store.RecordStore;
import io.pqagent.qsmp.handshake.HandshakeContext;
import io.pqagent.qsmp.keys.KeyId;
import io.pqagent.qsmp.keys.SigningKeyRecord;
import io.pqagent.qsmp.transport.QsmpNetwork;
import io.pqagent.qsmp.transport.QsmpServer;
import io.pqagent.qsmp.transport.TransportSettings;
import io.pqagent.qsmp.transport.Tunnel;
import io.pqagent.qsmp.transport.TunnelClosed;
import io.pqagent.qsmp.transport.TunnelHandler;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A directory replica: a QSMP Simplex server that answers lookups from its store, verifies and stores
 * submitted records, and pushes every stored record to subscribed tunnels (including records another
 * replica stored in a shared PostgreSQL store). It never signs anything.
 *
 * <p>Requests are handled off the event loop, since the store blocks; answers carry the request id,
 * so they may leave in any order.
 */
public final class DirectoryReplica implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DirectoryReplica.class);

    private final RecordStore store;
    private final SubmissionCheck check;
    private final ExecutorService workers;
    private final Set<Tunnel> subscribers = ConcurrentHashMap.newKeySet();
    private final AutoCloseable storeSubscription;
    private final QsmpServer server;

    private DirectoryReplica(RecordStore store, SubmissionCheck check, int workerThreads, QsmpNetwork network,
            HandshakeContext ctx, SigningKeyRecord replicaKey, InetSocketAddress bind, TransportSettings settings)
            throws DirectoryException {
        this.store = store;
        this.check = check;
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(workerThreads, r -> {
            Thread t = new Thread(r, "directory-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.storeSubscription = store.subscribe(this::push);
        this.server = network.startSimplex(ctx, replicaKey, bind, settings, new Handler());
    }

    /** Starts serving on {@code bind} with the replica's Simplex key. */
    public static DirectoryReplica start(QsmpNetwork network, HandshakeContext ctx, SigningKeyRecord replicaKey,
            InetSocketAddress bind, TransportSettings settings, RecordStore store, SubmissionCheck check,
            int workerThreads) throws DirectoryException {
        return new DirectoryReplica(store, check, workerThreads, network, ctx, replicaKey, bind, settings);
    }

    public InetSocketAddress localAddress() {
        return server.localAddress();
    }

    public int subscriberCount() {
        return subscribers.size();
    }

    private final class Handler implements TunnelHandler {
        @Override
        public void onMessage(Tunnel tunnel, byte[] message) {
            try {
                workers.execute(() -> answer(tunnel, message));
            } catch (RejectedExecutionException e) {
                // closing: the tunnel goes with the server
            }
        }

        @Override
        public void onClosed(Tunnel tunnel, TunnelClosed why) {
            subscribers.remove(tunnel);
        }
    }

    private void answer(Tunnel tunnel, byte[] message) {
        DirectoryResponse response;
        try {
            response = handle(tunnel, DirectoryRequest.decode(message));
        } catch (DirectoryException e) {
            LOG.info("refused a request from {}: {}", tunnel.remoteAddress(), e.getMessage());
            response = new DirectoryResponse.Failure(DirectoryRequest.requestIdOf(message), e.error(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("request from {} failed", tunnel.remoteAddress(), e);
            response = new DirectoryResponse.Failure(DirectoryRequest.requestIdOf(message),
                    DirectoryError.STORE_FAILURE, "internal error");
        }
        tunnel.send(response.encode());
    }

    private DirectoryResponse handle(Tunnel tunnel, DirectoryRequest request) throws DirectoryException {
        int id = request.requestId();
        if (request instanceof DirectoryRequest.LookupKeyId lookup) {
            SignedRecord r = store.byKeyId(lookup.keyId()).orElseThrow(() -> new DirectoryException(
                    DirectoryError.UNKNOWN_KEY_ID, lookup.keyId().toString()));
            return new DirectoryResponse.Records(id, List.of(r.encode()));
        }
        if (request instanceof DirectoryRequest.LookupOwner lookup) {
            return new DirectoryResponse.Records(id, encodeAll(store.byOwner(lookup.owner())));
        }
        if (request instanceof DirectoryRequest.ListRecords list) {
            return new DirectoryResponse.Records(id, page(list.afterKeyId(), list.maxCount()));
        }
        if (request instanceof DirectoryRequest.Submit submit) {
            return new DirectoryResponse.Submitted(id, submit(submit.signedRecord()));
        }
        if (request instanceof DirectoryRequest.Subscribe) {
            subscribers.add(tunnel);
            if (!tunnel.isOpen()) {
                subscribers.remove(tunnel);
            }
            return new DirectoryResponse.Subscribed(id);
        }
        throw new DirectoryException(DirectoryError.UNSUPPORTED_REQUEST, request.getClass().getSimpleName());
    }

    private RecordStore.Submission submit(byte[] encoded) throws DirectoryException {
        SignedRecord signed = check.verify(encoded);
        if (signed.record().status() == RecordStatus.REVOKED) {
            Optional<SignedRecord> stored = store.byKeyId(signed.record().keyId());
            if (stored.isEmpty()) {
                throw new DirectoryException(DirectoryError.UNKNOWN_KEY_ID,
                        "cannot revoke " + signed.record().keyId() + ": it was never registered here");
            }
        }
        RecordStore.Submission outcome = store.submit(signed);
        LOG.info("{} {} for owner {} (serial {}): {}", signed.record().status() == RecordStatus.REVOKED
                ? "revocation" : "registration", signed.record().keyId(), signed.record().owner(),
                signed.record().serial(), outcome);
        return outcome;
    }

    private List<byte[]> page(KeyId after, int max) throws DirectoryException {
        return encodeAll(store.page(after, max));
    }

    private static List<byte[]> encodeAll(List<SignedRecord> records) {
        List<byte[]> out = new ArrayList<>(records.size());
        for (SignedRecord r : records) {
            out.add(r.encode());
        }
        return out;
    }

    /** Called by the store for every stored record, whichever replica stored it. */
    private void push(SignedRecord record) {
        byte[] event = new DirectoryResponse.Event(record.encode()).encode();
        for (Tunnel t : subscribers) {
            if (t.isOpen()) {
                t.send(event);
            }
        }
    }

    @Override
    public void close() {
        server.quit();
        try {
            storeSubscription.close();
        } catch (Exception e) {
            LOG.warn("closing the store subscription failed", e);
        }
        workers.shutdown();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
