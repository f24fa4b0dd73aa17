package io.pqagent.agent.link;

import io.pqagent.agent.config.RatchetSchedule;

import io.pqagent.directory.client.DirectoryKeyQuery;
import io.pqagent.directory.client.RecordCache;
import io.pqagent.directory.record.DirectoryRecord;
import io.pqagent.qsmp.handshake.HandshakeContext;
import io.pqagent.qsmp.keys.PublicKeyRecord;
import io.pqagent.qsmp.keys.SigningKeyRecord;
import io.pqagent.qsmp.session.RatchetKind;
import io.pqagent.qsmp.transport.QsmpNetwork;
import io.pqagent.qsmp.transport.QsmpServer;
import io.pqagent.qsmp.transport.TransportSettings;
import io.pqagent.qsmp.transport.Tunnel;
import io.pqagent.qsmp.transport.TunnelClosed;
import io.pqagent.qsmp.transport.TunnelHandler;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One self-healing Duplex tunnel per configured peer. Of two agents, the one whose name sorts first
 * dials ({@link DialRule}) and the other listens; the dialing side reconnects with jittered backoff,
 * runs the ratchet schedule, and stops dialing a peer the directory has revoked. The listening side
 * finds its callers through the directory ({@link DirectoryKeyQuery}); a revocation pushed into the
 * cache closes that peer's tunnel at once.
 *
 * <p>All state changes run on one "links" thread; Netty callbacks post to it. The listener above hears
 * of a tunnel on its event loop, before its first message ({@link LinkListener#onUp}), so nothing the
 * peer sends right after the handshake can overtake it.
 */
public final class PeerLinks implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PeerLinks.class);
    /** Longest wait before redialing a peer whose address refused the connection. */
    static final Duration REFUSED_RETRY_CEILING = Duration.ofSeconds(2);

    private final String ourName;
    private final QsmpNetwork network;
    private final HandshakeContext ctx;
    private final Supplier<SigningKeyRecord> identity;
    private final RecordCache cache;
    private final TransportSettings settings;
    private final LinkListener listener;
    private final ScheduledExecutorService executor;
    /** Written on the links thread, read anywhere (the listener identifies callers on event loops). */
    private final Map<String, PeerLink> links = new ConcurrentHashMap<>();
    /** Open tunnels (both sides) as handed to the listener; keys are the transport's tunnels. */
    private final Map<Tunnel, CountingTunnel> open = new ConcurrentHashMap<>();
    /** Incoming tunnels and the peer each belongs to. */
    private final Map<Tunnel, PeerLink> incoming = new ConcurrentHashMap<>();
    private volatile Set<String> peerNames = Set.of();
    private volatile HandshakeFailures handshakeFailures = (peer, address, why) -> { };
    private volatile boolean closed;
    private QsmpServer server;

    public PeerLinks(String ourName, QsmpNetwork network, HandshakeContext ctx, Supplier<SigningKeyRecord> identity,
            RecordCache cache, TransportSettings settings, LinkListener listener) {
        this.ourName = ourName;
        this.network = network;
        this.ctx = ctx;
        this.identity = identity;
        this.cache = cache;
        this.settings = settings;
        this.listener = listener;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "peer-links");
            t.setDaemon(true);
            return t;
        });
        cache.addListener(record -> executor.execute(() -> directoryChanged(record)));
    }

    /** Starts the Duplex listener; callers are the configured peers the directory vouches for. */
    public InetSocketAddress listen(InetSocketAddress bind) {
        return listen(bind, () -> List.of(identity.get()));
    }

    /**
     * As {@link #listen(InetSocketAddress)}, answering with any of {@code ownKeys} (both identities during
     * a rotation's overlap: peers that still hold the old public key and those that have the new one).
     */
    public InetSocketAddress listen(InetSocketAddress bind, Supplier<List<SigningKeyRecord>> ownKeys) {
        DirectoryKeyQuery query = new DirectoryKeyQuery(cache, addr -> peerNames);
        server = network.listenDuplex(ctx, ownKeys, query, bind, settings, new IncomingHandler());
        return server.localAddress();
    }

    /**
     * Applies a peer list: new peers start, removed peers stop (their tunnel closes), and peers whose
     * spec is unchanged are not touched at all. Returns once applied.
     */
    public void configure(List<PeerSpec> peers) {
        call(() -> {
            Map<String, PeerSpec> wanted = new java.util.TreeMap<>();
            for (PeerSpec p : peers) {
                DialRule.weDial(ourName, p.name()); // refuses our own name
                wanted.put(p.name(), p);
            }
            for (PeerLink link : new ArrayList<>(links.values())) {
                PeerSpec spec = wanted.get(link.spec.name());
                if (spec == null || !spec.equals(link.spec)) {
                    stop(link);
                }
            }
            peerNames = Set.copyOf(wanted.keySet());
            for (PeerSpec spec : wanted.values()) {
                if (!links.containsKey(spec.name())) {
                    boolean dials = DialRule.weDial(ourName, spec.name());
                    if (dials && spec.address() == null) {
                        throw new IllegalArgumentException("peer " + spec.name() + " needs an address: this agent ("
                                + ourName + ") is the one that dials it");
                    }
                    PeerLink link = new PeerLink(spec, dials);
                    links.put(spec.name(), link);
                    if (dials) {
                        dial(link);
                    }
                }
            }
            return null;
        });
    }

    public List<LinkStatus> status() {
        return call(() -> links.values().stream().map(PeerLink::status)
                .sorted(Comparator.comparing(LinkStatus::peer)).toList());
    }

    /**
     * Starts a ratchet with {@code peer} now. Only the dialing side starts ratchets (profile rule 6); on
     * the listening side this fails, and the caller asks the peer through the stream framing instead.
     */
    public CompletableFuture<Void> ratchet(String peer, RatchetKind kind) {
        return call(() -> {
            PeerLink link = links.get(peer);
            if (link == null) {
                return CompletableFuture.<Void>failedFuture(new IllegalArgumentException("no peer named " + peer));
            }
            if (!link.dials) {
                return CompletableFuture.<Void>failedFuture(new IllegalStateException(
                        "this agent listens for " + peer + "; only the dialing side starts ratchets"));
            }
            return runRatchet(link, kind);
        });
    }

    /**
     * Closes every open tunnel, so each comes back with a fresh handshake: after an identity rotation retired
     * the key some of them authenticated with. The dialing side redials at once (with its usual backoff);
     * on the listening side the peer does. Returns once the tunnels are told to close.
     */
    public int reconnectAll(String why) {
        return call(() -> {
            int n = 0;
            for (PeerLink link : links.values()) {
                CountingTunnel t = link.tunnel;
                if (t != null) {
                    LOG.info("peer {}: closing the tunnel to reconnect: {}", link.spec.name(), why);
                    t.close();
                    n++;
                }
            }
            return n;
        });
    }

    /** Where failed handshakes are reported, both directions (for the audit log and metrics). */
    public void onHandshakeFailure(HandshakeFailures observer) {
        this.handshakeFailures = observer;
    }

    /** A handshake that did not complete: the peer if known (dialing side), the address, and why. */
    @FunctionalInterface
    public interface HandshakeFailures {
        void failed(String peer, InetSocketAddress address, String why);
    }

    public boolean dials(String peer) {
        return DialRule.weDial(ourName, peer);
    }

    // ---- dialing side

    private void dial(PeerLink link) {
        if (closed || links.get(link.spec.name()) != link) {
            return;
        }
        Optional<PublicKeyRecord> key = peerKey(link.spec.name());
        if (key.isEmpty()) {
            link.enter(LinkState.NO_KEY);
            return;
        }
        link.enter(LinkState.CONNECTING);
        network.connectDuplex(ctx, identity.get(), key.get(), link.spec.address(), settings, new DialedHandler(link))
                .whenComplete((tunnel, failure) -> {
                    if (failure != null) {
                        handshakeFailures.failed(link.spec.name(), link.spec.address(), rootMessage(failure));
                        executor.execute(() -> {
                            link.handshakeFailures++;
                            link.lastFailure = rootMessage(failure);
                            retryLater(link, nothingListens(failure));
                        });
                    }
                });
    }

    private void retryLater(PeerLink link) {
        retryLater(link, false);
    }

    /**
     * @param refused nothing listened at the peer's address (its agent is down or restarting): retrying
     *                costs the peer nothing, so the wait stays short and a restarted peer is found
     *                within {@link #REFUSED_RETRY_CEILING} of listening again; handshake failures, which
     *                cost the peer real work, back off to the long ceiling
     */
    private void retryLater(PeerLink link, boolean refused) {
        if (closed || links.get(link.spec.name()) != link) {
            return;
        }
        Duration wait = refused ? link.backoff.next(REFUSED_RETRY_CEILING) : link.backoff.next();
        link.enter(LinkState.BACKOFF);
        LOG.warn("peer {}: {}; retrying in {} ms", link.spec.name(), link.lastFailure, wait.toMillis());
        link.retry = executor.schedule(() -> dial(link), wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    private final class DialedHandler implements TunnelHandler {
        private final PeerLink link;

        DialedHandler(PeerLink link) {
            this.link = link;
        }

        @Override
        public void onOpen(Tunnel tunnel) {
            opened(link, tunnel);
        }

        @Override
        public void onMessage(Tunnel tunnel, byte[] message) {
            received(link, tunnel, message);
        }

        @Override
        public void onClosed(Tunnel tunnel, TunnelClosed why) {
            closed(link, tunnel, why);
        }
    }

    // ---- listening side

    private final class IncomingHandler implements TunnelHandler {
        @Override
        public void onOpen(Tunnel tunnel) {
            PeerLink link = owner(tunnel.peerVerificationKey());
            if (link == null || link.dials) {
                LOG.warn("closing a tunnel from {}: {}", tunnel.remoteAddress(), link == null
                        ? "its key belongs to no configured peer" : "this agent dials " + link.spec.name());
                tunnel.close();
                return;
            }
            incoming.put(tunnel, link);
            // profile rule 5: the listening side runs the keep-alive, at this peer's own timing
            tunnel.setKeepAlive(link.spec.keepAlive().interval(), link.spec.keepAlive().timeout());
            opened(link, tunnel);
        }

        @Override
        public void onMessage(Tunnel tunnel, byte[] message) {
            PeerLink link = incoming.get(tunnel);
            if (link != null) {
                received(link, tunnel, message);
            }
        }

        @Override
        public void onClosed(Tunnel tunnel, TunnelClosed why) {
            PeerLink link = incoming.remove(tunnel);
            if (link != null) {
                closed(link, tunnel, why);
            } else if (!open.containsKey(tunnel) && why.error() != null) {
                handshakeFailures.failed(null, tunnel.remoteAddress(), PeerLink.describe(why));
            }
        }
    }

    // ---- both sides

    /** On the tunnel's event loop, before its first message. */
    private void opened(PeerLink link, Tunnel tunnel) {
        CountingTunnel counted = new CountingTunnel(tunnel, n -> sent(link, n));
        open.put(tunnel, counted);
        listener.onUp(link.spec.name(), counted);
        executor.execute(() -> attach(link, counted));
    }

    /** On the tunnel's event loop, once. */
    private void closed(PeerLink link, Tunnel tunnel, TunnelClosed why) {
        CountingTunnel counted = open.remove(tunnel);
        if (counted == null) {
            return;
        }
        listener.onDown(link.spec.name(), counted, why);
        executor.execute(() -> detach(link, counted, why));
    }

    private void attach(PeerLink link, CountingTunnel tunnel) {
        if (closed || links.get(link.spec.name()) != link) {
            tunnel.close();
            return;
        }
        if (!tunnel.isOpen()) {
            return; // closed before we got here; detach saw it or will
        }
        if (link.tunnel != null && link.tunnel != tunnel) {
            LOG.info("peer {}: a new tunnel replaces the old one", link.spec.name());
            link.tunnel.close();
        }
        link.tunnel = tunnel;
        link.tunnelsOpened++;
        link.backoff.reset();
        link.enter(LinkState.UP);
        if (link.dials) {
            scheduleRatchets(link);
        }
    }

    private void detach(PeerLink link, CountingTunnel tunnel, TunnelClosed why) {
        if (link.tunnel != tunnel) {
            if (link.tunnel == null && link.dials && link.state == LinkState.CONNECTING) {
                // closed before attach ran: still a lost attempt
                link.lastFailure = PeerLink.describe(why);
                retryLater(link);
            }
            return;
        }
        link.tunnel = null;
        link.cancelTimers();
        link.lastFailure = PeerLink.describe(why);
        if (closed || links.get(link.spec.name()) != link) {
            return;
        }
        if (link.dials) {
            retryLater(link);
        } else {
            link.enter(LinkState.WAITING);
        }
    }

    private void received(PeerLink link, Tunnel tunnel, byte[] message) {
        link.bytesIn.addAndGet(message.length);
        countTowardsRatchet(link, message.length);
        CountingTunnel counted = open.get(tunnel);
        listener.onMessage(link.spec.name(), counted != null ? counted : tunnel, message);
    }

    private void sent(PeerLink link, long n) {
        link.bytesOut.addAndGet(n);
        countTowardsRatchet(link, n);
    }

    private void countTowardsRatchet(PeerLink link, long n) {
        if (link.dials && link.bytesSinceRatchet.addAndGet(n) >= link.spec.ratchets().symmetricAfterBytes()) {
            link.bytesSinceRatchet.set(0);
            executor.execute(() -> runRatchet(link, RatchetKind.SYMMETRIC));
        }
    }

    private void scheduleRatchets(PeerLink link) {
        RatchetSchedule s = link.spec.ratchets();
        link.symmetricTimer = executor.scheduleWithFixedDelay(() -> runRatchet(link, RatchetKind.SYMMETRIC),
                s.symmetricAfter().toMillis(), s.symmetricAfter().toMillis(), TimeUnit.MILLISECONDS);
        link.asymmetricTimer = executor.scheduleWithFixedDelay(() -> runRatchet(link, RatchetKind.ASYMMETRIC),
                s.asymmetricEvery().toMillis(), s.asymmetricEvery().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** On the links thread. One ratchet at a time: a second one waits for the next tick. */
    private CompletableFuture<Void> runRatchet(PeerLink link, RatchetKind kind) {
        if (!link.isUp()) {
            return CompletableFuture.failedFuture(new IllegalStateException("peer " + link.spec.name()
                    + " is not connected"));
        }
        if (link.ratchetRunning) {
            return CompletableFuture.failedFuture(new IllegalStateException("a ratchet with " + link.spec.name()
                    + " is already running"));
        }
        link.ratchetRunning = true;
        return link.ratchet(kind).whenComplete((v, e) -> executor.execute(() -> {
            link.ratchetRunning = false;
            if (e == null) {
                link.ratchets++;
                link.lastRatchet = Instant.now();
                LOG.info("peer {}: {} ratchet done", link.spec.name(), kind.name().toLowerCase());
            } else {
                LOG.warn("peer {}: {} ratchet failed: {}", link.spec.name(), kind.name().toLowerCase(), rootMessage(e));
            }
        }));
    }

    // ---- the directory

    /** The newest usable key of a peer: during a rotation both are usable; the later registration wins. */
    private Optional<PublicKeyRecord> peerKey(String name) {
        return cache.usable(Set.of(name)).stream().max(Comparator.comparingLong(DirectoryRecord::serial))
                .map(DirectoryRecord::publicKey);
    }

    private PeerLink owner(byte[] verificationKey) {
        for (PeerLink link : links.values()) {
            for (DirectoryRecord r : cache.usable(Set.of(link.spec.name()))) {
                if (Arrays.equals(r.verificationKey(), verificationKey)) {
                    return link;
                }
            }
        }
        return null;
    }

    private void directoryChanged(DirectoryRecord record) {
        PeerLink link = links.get(record.owner());
        if (link == null) {
            return;
        }
        if (!record.isActive()) {
            CountingTunnel t = link.tunnel;
            if (t != null && Arrays.equals(t.peerVerificationKey(), record.verificationKey())) {
                LOG.warn("peer {}: key {} revoked; closing its tunnel", record.owner(), record.keyId());
                t.close();
            }
        } else if (link.dials && link.state == LinkState.NO_KEY) {
            dial(link);
        }
    }

    private void stop(PeerLink link) {
        links.remove(link.spec.name());
        link.cancelTimers();
        link.enter(LinkState.STOPPED);
        if (link.tunnel != null) {
            link.tunnel.close();
        }
    }

    private <T> T call(java.util.concurrent.Callable<T> task) {
        try {
            return executor.submit(task).get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the links thread did not answer within 30 s", e);
        }
    }

    /** Whether the connect itself failed (refused or unanswered), before any handshake work. */
    private static boolean nothingListens(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof java.net.ConnectException) { // Netty's refused and timed-out connects are too
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable t) {
        while (t.getCause() != null && (t instanceof java.util.concurrent.CompletionException
                || t instanceof java.util.concurrent.ExecutionException)) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    @Override
    public void close() {
        closed = true;
        call(() -> {
            for (PeerLink link : new ArrayList<>(links.values())) {
                stop(link);
            }
            return null;
        });
        if (server != null) {
            server.quit();
        }
        executor.shutdown();
    }
}
