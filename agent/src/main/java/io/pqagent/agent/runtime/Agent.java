package io.pqagent.agent.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.util.ResourceLeakDetector;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.pqagent.agent.config.AgentConfig;
import io.pqagent.agent.config.ConfigDiff;
import io.pqagent.agent.config.ConfigLoader;
import io.pqagent.agent.config.PeerConfig;
import io.pqagent.agent.filter.StreamFilters;
import io.pqagent.agent.link.LinkStatus;
import io.pqagent.agent.link.PeerLinks;
import io.pqagent.agent.link.PeerSpec;
import io.pqagent.agent.observe.AuditLog;
import io.pqagent.agent.observe.ControlSocket;
import io.pqagent.agent.observe.FilterEventMetrics;
import io.pqagent.agent.observe.LinkMetrics;
import io.pqagent.agent.observe.PrometheusEndpoint;
import io.pqagent.agent.observe.RootLogLevel;
import io.pqagent.agent.pqs.PqsServer;
import io.pqagent.agent.pqs.PqsServerKey;
import io.pqagent.agent.pqs.PqsServerSettings;
import io.pqagent.agent.pqs.PqsUsers;
import io.pqagent.agent.service.ServiceHub;
import io.pqagent.directory.client.DirectoryClient;
import io.pqagent.directory.client.DirectorySync;
import io.pqagent.directory.client.RecordCache;
import io.pqagent.directory.record.AuthorityKey;
import io.pqagent.directory.record.AuthorityKeyFile;
import io.pqagent.directory.record.DirectoryException;
import io.pqagent.keystore.ExpiryMonitor;
import io.pqagent.keystore.ExpiryPolicy;
import io.pqagent.keystore.Identity;
import io.pqagent.keystore.IdentityPolicy;
import io.pqagent.keystore.IdentityStore;
import io.pqagent.keystore.Unlock;
import io.pqagent.qsmp.crypto.BlockPath;
import io.pqagent.qsmp.crypto.EntropySource;
import io.pqagent.qsmp.handshake.HandshakeContext;
import io.pqagent.qsmp.keys.KeyId;
import io.pqagent.qsmp.keys.SigningKeyRecord;
import io.pqagent.qsmp.session.RatchetKind;
import io.pqagent.qsmp.transport.QsmpNetwork;
import io.pqagent.qsmp.transport.TransportSettings;
import io.pqagent.qsmp.wire.Clock;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running agent: its identity, the directory it follows, one tunnel per peer, the forwarded services,
 * metrics, the audit log and the control socket, all from one {@link AgentConfig}. {@link #reload}
 * applies a new configuration to peers and services without touching what did not change.
 */
public final class Agent implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Agent.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private volatile AgentConfig config;
    private final IdentityStore identities;
    private final QsmpNetwork network;
    private final RecordCache cache;
    private final DirectoryClient directory;
    private final AuditLog audit;
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final PeerLinks links;
    private final ServiceHub services;
    private final LinkMetrics metrics;
    private final ScheduledExecutorService background;
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final InetSocketAddress listening;
    private final Clock clock;
    /** The PQS maintenance shell when {@code pqs.enabled}; null otherwise. */
    private final PqsServer pqs;
    /** The one-shot that retires the old identity when the rotation's overlap ends; guarded by this. */
    private ScheduledFuture<?> retirement;

    private Agent(AgentConfig config) throws Exception {
        this.config = config;
        RootLogLevel.apply(config.log().level());
        this.clock = Clock.system(config.clockOffsetSeconds());
        EntropySource entropy = EntropySource.system();
        this.identities = new IdentityStore(config.identity().dir(), policy(config), clock, entropy);
        try (Unlock unlock = AgentUnlock.open(config.identity().unlock())) {
            identities.load(unlock);
        }
        closeables.add(identities);
        this.background = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "agent-background");
            t.setDaemon(true);
            return t;
        });
        this.audit = config.log().auditLog().isPresent()
                ? AuditLog.open(config.log().auditLog().get(), java.time.Clock.systemUTC())
                : AuditLog.to(new ByteArrayOutputStream(), java.time.Clock.systemUTC());
        closeables.add(audit);
        this.network = QsmpNetwork.create();
        closeables.add(network);
        AuthorityKey authority = AuthorityKeyFile.read(config.directory().authorityKey());
        this.cache = RecordCache.open(config.directory().cache(), authority, clock);
        cache.addListener(r -> {
            if (!r.isActive()) {
                audit.record("revocation", Map.of("owner", r.owner(), "key_id", r.keyId().toString()));
            }
        });
        this.directory = config.directory().replicas().isEmpty() ? null : directoryClient(config, authority);
        if (directory != null) {
            closeables.add(directory);
        }

        HandshakeContext ctx = new HandshakeContext(config.parameterSet(), config.macMode(), config.rcsRounds(), clock, entropy);
        // each accepted tunnel gets its peer's own keep-alive once the peer is known (PeerLinks); a dialled
        // tunnel runs the keep-alive its listener configured for us (profile rule 5)
        TransportSettings settings = TransportSettings.DEFAULTS;
        this.services = new ServiceHub(peer -> linksDial(peer), StreamFilters.load(), audit,
                new FilterEventMetrics(registry));
        closeables.add(services);
        this.links = new PeerLinks(config.name(), network, ctx, () -> identities.preferred().signingKey(), cache,
                settings, services);
        closeables.add(links);
        this.metrics = new LinkMetrics(links, registry);
        links.onHandshakeFailure((peer, address, why) -> {
            metrics.handshakeFailed(peer, why);
            audit.record("handshake_failed", Map.of("peer", peer == null ? "" : peer,
                    "address", String.valueOf(address), "reason", why));
        });
        services.onRatchetRequest((peer, kind) -> links.ratchet(peer, kind));

        this.listening = links.listen(new InetSocketAddress(config.listen().host(), config.listen().port()),
                this::listenerKeys);
        services.configure(config.services(), config.expose());
        links.configure(peerSpecs(config));
        metrics.refresh();
        if (directory != null) {
            followDirectory(config);
        } else {
            LOG.warn("no directory replicas configured: peers are authenticated from the cache only");
        }
        ExpiryMonitor expiry = ExpiryMonitor.of(identities, clock, ExpiryPolicy.DEFAULT, registry);
        background.scheduleWithFixedDelay(() -> {
            try {
                expiry.check();
            } catch (RuntimeException e) {
                LOG.warn("expiry check failed: {}", e.getMessage());
            }
            retireIfDue(); // besides the one-shot at the end of the overlap: a safety net for clock jumps
        }, 0, 1, TimeUnit.HOURS);
        scheduleRetirement();
        if (config.metrics().enabled()) {
            closeables.add(PrometheusEndpoint.start(new InetSocketAddress(config.metrics().listen().host(),
                    config.metrics().listen().port()), registry));
        }
        closeables.add(ControlSocket.open(config.controlSocket(), this::command));
        this.pqs = config.pqs().enabled() ? startPqs(config, entropy) : null;
        LOG.info("agent {} listening on {} with {} peers and {} services", config.name(), listening,
                config.peers().size(), config.services().size());
    }

    /**
     * The PQS server (docs/pqs.md §5): its own Simplex key and users file in the identity directory, user
     * directories under {@code pqs-home} there, on the agent's listen host at {@code pqs.port}.
     */
    private PqsServer startPqs(AgentConfig config, EntropySource entropy) throws Exception {
        java.nio.file.Path dir = config.identity().dir();
        SigningKeyRecord key = PqsServerKey.loadOrCreate(dir, config.parameterSet(), clock, entropy);
        PqsUsers users = PqsUsers.open(dir.resolve(PqsUsers.FILE_NAME));
        PqsAgentDiagnostics diagnostics = new PqsAgentDiagnostics(this::command, () -> this.config, registry::scrape,
                () -> {
                    ObjectNode out = KeysReport.of(identities);
                    out.putObject("pqs_server_key").put("expiration", key.expiration())
                            .put("fingerprint", PqsServerKey.fingerprint(key.verificationKey()));
                    return out;
                });
        PqsServer server = PqsServer.start(network, key, new InetSocketAddress(config.listen().host(),
                config.pqs().port()), users, PqsServerSettings.defaults(dir.resolve("pqs-home")), diagnostics,
                audit::record);
        closeables.add(key); // closed after the server (closeables close in reverse)
        closeables.add(server);
        LOG.info("PQS listening on {}, server key {} (clients pin {})", server.localAddress(),
                PqsServerKey.fingerprint(key.verificationKey()), dir.resolve(PqsServerKey.PUBLIC_FILE));
        return server;
    }

    /** Where the PQS server listens, when enabled. */
    public java.util.Optional<InetSocketAddress> pqsAddress() {
        return pqs == null ? java.util.Optional.empty() : java.util.Optional.of(pqs.localAddress());
    }

    /**
     * What {@code run --check-config} checks beyond the file itself: every exposed target's filter is in
     * this build and accepts its policy.
     *
     * @throws IllegalArgumentException naming the exposed target and the policy key
     */
    public static void checkFilters(AgentConfig config) {
        io.pqagent.agent.service.ExposedFilters.check(StreamFilters.load(), config.expose());
    }

    /** Starts the agent; every failure names what could not be set up. */
    public static Agent start(AgentConfig config) throws Exception {
        return new Agent(config);
    }

    public InetSocketAddress listening() {
        return listening;
    }

    private boolean linksDial(String peer) {
        return config.name().compareTo(peer) < 0;
    }

    /** How the identity store rotates, from the configuration; the command line uses the same. */
    public static IdentityPolicy policy(AgentConfig config) {
        return new IdentityPolicy(config.parameterSet(), config.identity().rotationOverlap());
    }

    private static List<PeerSpec> peerSpecs(AgentConfig config) {
        List<PeerSpec> out = new ArrayList<>();
        for (PeerConfig p : config.peers()) {
            out.add(new PeerSpec(p.name(), p.address().map(a -> new InetSocketAddress(a.host(), a.port())).orElse(null),
                    p.ratchet(), p.keepAlive()));
        }
        return out;
    }

    private DirectoryClient directoryClient(AgentConfig config, AuthorityKey authority) throws Exception {
        return DirectoryClients.open(network, config, authority);
    }

    private List<SigningKeyRecord> listenerKeys() {
        return ListenerIdentities.of(identities).stream().map(Identity::signingKey).toList();
    }

    // ---- identity rotation

    /**
     * Takes in what {@code qsmp-agent keys rotate} changed in the identity directory (the {@code keys-reload}
     * request, and every reload). Unchanged files are not opened again. If an identity left the store
     * (retired), every tunnel is re-established, so none keeps running on the retired key.
     */
    public synchronized ObjectNode reloadKeys() throws Exception {
        refreshIdentities();
        scheduleRetirement();
        return KeysReport.of(identities);
    }

    /** Re-reads the identity files; if an identity left them, audits it and reconnects. */
    private void refreshIdentities() throws Exception {
        List<KeyId> left;
        try (Unlock unlock = AgentUnlock.open(config.identity().unlock())) {
            left = identities.refresh(unlock);
        }
        if (!left.isEmpty()) {
            retired(left);
        }
    }

    /** After the old identity is gone: audit it, and bring every tunnel back on the current one. */
    private void retired(List<KeyId> keyIds) {
        for (KeyId k : keyIds) {
            audit.record("identity_retired", Map.of("key_id", k.toString(),
                    "current", identities.current().keyId().toString()));
        }
        int n = links.reconnectAll("identity " + keyIds + " retired");
        LOG.info("identity {} retired, {} is current; {} tunnels reconnect with it", keyIds,
                identities.current().keyId(), n);
    }

    /** The rotation's overlap has ended: retire the old identity (background thread). */
    private synchronized void retireIfDue() {
        if (identities.overlapEndsAt().isEmpty()) {
            return; // no published next identity (as far as this agent has read): nothing to retire
        }
        try {
            refreshIdentities(); // the command line may have stepped the rotation (the store refuses a stale view)
            KeyId old = identities.current().keyId();
            if (identities.retireIfDue()) {
                retired(List.of(old));
            }
        } catch (Exception e) {
            LOG.warn("retiring the old identity failed ({}); trying again in a minute", e.getMessage());
            if (!background.isShutdown()) {
                retirement = background.schedule(this::retireIfDue, 1, TimeUnit.MINUTES);
            }
            return;
        }
        scheduleRetirement();
    }

    /** One timer at the end of the overlap window, if a rotation is in it. */
    private synchronized void scheduleRetirement() {
        if (retirement != null) {
            retirement.cancel(false);
            retirement = null;
        }
        OptionalLong end = identities.overlapEndsAt();
        if (end.isEmpty() || background.isShutdown()) {
            return;
        }
        long seconds = Math.max(0, end.getAsLong() - clock.utcSeconds());
        retirement = background.schedule(this::retireIfDue, seconds, TimeUnit.SECONDS);
        LOG.info("old identity {} retires at {} (in {} s)", identities.current().keyId(),
                java.time.Instant.ofEpochSecond(end.getAsLong()), seconds);
    }

    /** Subscribes to the directory; while no replica answers, retries every 10 s and the cache vouches. */
    private void followDirectory(AgentConfig config) {
        Set<String> owners = Set.copyOf(config.peers().stream().map(PeerConfig::name).toList());
        DirectorySync sync = new DirectorySync(directory, cache, owners);
        background.execute(new Runnable() {
            @Override
            public void run() {
                try {
                    sync.start();
                    LOG.info("following the directory for {} peers", owners.size());
                } catch (DirectoryException e) {
                    LOG.warn("directory not reachable ({}); using the cache, retrying in 10 s", e.getMessage());
                    background.schedule(this, 10, TimeUnit.SECONDS);
                }
            }
        });
    }

    /** Applies a new configuration: peers and services that changed restart, the rest is untouched. */
    public synchronized ConfigDiff reload(AgentConfig next) {
        ConfigDiff diff = ConfigDiff.between(config, next);
        if (!diff.restartRequired().isEmpty()) {
            LOG.warn("reload: these settings need a restart and were not applied: {}", diff.restartRequired());
        }
        config = next;
        try {
            reloadKeys();
        } catch (Exception e) {
            LOG.warn("reload: the identity files could not be re-read, keeping the identities in use: {}",
                    e.getMessage());
        }
        services.configure(next.services(), next.expose());
        links.configure(peerSpecs(next));
        metrics.refresh();
        LOG.info("reloaded {}: peers +{} -{} ~{}, services +{} -{} ~{}", next.source(), diff.peers().added().size(),
                diff.peers().removed().size(), diff.peers().changed().size(), diff.services().added().size(),
                diff.services().removed().size(), diff.services().changed().size());
        return diff;
    }

    private JsonNode command(String command, JsonNode request) throws Exception {
        switch (command) {
            case "status":
            case "peers":
                return status();
            case "ratchet": {
                String peer = request.path("peer").asText();
                RatchetKind kind = "asymmetric".equals(request.path("kind").asText("symmetric"))
                        ? RatchetKind.ASYMMETRIC : RatchetKind.SYMMETRIC;
                if (links.dials(peer)) {
                    links.ratchet(peer, kind).get(30, TimeUnit.SECONDS);
                    return JSON.createObjectNode().put("ratchet", kind.name().toLowerCase()).put("peer", peer);
                }
                if (!services.requestRatchet(peer, kind)) {
                    throw new IllegalStateException("peer " + peer + " is not connected");
                }
                return JSON.createObjectNode().put("requested", kind.name().toLowerCase()).put("peer", peer);
            }
            case "reload":
                ConfigDiff diff = reload(ConfigLoader.load(config.source()));
                return JSON.createObjectNode().put("reloaded", config.source().toString())
                        .put("unchanged_peers", diff.peers().unchanged().size());
            case "keys-reload":
                return reloadKeys();
            default:
                throw new IllegalArgumentException("unknown command '" + command
                        + "' (status, peers, ratchet, reload, keys-reload)");
        }
    }

    public ObjectNode status() {
        ObjectNode out = JSON.createObjectNode();
        out.put("name", config.name());
        out.put("listening", listening.toString());
        out.put("rcs_rounds", config.rcsRounds() == BlockPath.AUTO ? "auto: " + BlockPath.autoDescription()
                : config.rcsRounds().name().toLowerCase().replace('_', '-'));
        out.put("rcs_rounds_settled", config.rcsRounds() != BlockPath.AUTO || BlockPath.autoSettled());
        out.put("netty_leak_detection", ResourceLeakDetector.getLevel().name().toLowerCase(Locale.ROOT));
        KeysReport.of(identities, out);
        ArrayNode peers = out.putArray("peers");
        for (LinkStatus s : links.status()) {
            ObjectNode p = peers.addObject();
            p.put("peer", s.peer());
            p.put("state", s.state().name().toLowerCase());
            p.put("dials", s.dials());
            p.put("remote", s.remoteAddress());
            p.put("since", s.since().toString());
            p.put("tunnels_opened", s.tunnelsOpened());
            p.put("handshake_failures", s.handshakeFailures());
            p.put("last_failure", s.lastFailure());
            p.put("ratchets", s.ratchets());
            p.put("last_ratchet", s.lastRatchet() == null ? "" : s.lastRatchet().toString());
            p.put("bytes_in", s.bytesIn());
            p.put("bytes_out", s.bytesOut());
            ObjectNode keepAlive = p.putObject("keep_alive");
            if (s.keepAlive() != null) {
                keepAlive.put("sends", s.keepAlive().sends());
                keepAlive.put("interval_ms", s.keepAlive().interval().toMillis());
                keepAlive.put("timeout_ms", s.keepAlive().timeout().toMillis());
                keepAlive.put("exchanges", s.keepAlive().exchanges());
            }
        }
        return out;
    }

    @Override
    public void close() {
        background.shutdownNow();
        for (int i = closeables.size() - 1; i >= 0; i--) {
            try {
                closeables.get(i).close();
            } catch (Exception e) {
                LOG.warn("closing {}: {}", closeables.get(i).getClass().getSimpleName(), e.getMessage());
            }
        }
    }
}
