package io.pqagent.agent.service;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.pqagent.agent.config.ExposeConfig;
import io.pqagent.agent.config.HostPort;
import io.pqagent.agent.config.ServiceConfig;
import io.pqagent.agent.filter.FilterContext;
import io.pqagent.agent.filter.StreamFilterProvider;
import io.pqagent.agent.filter.StreamFilters;
import io.pqagent.agent.link.LinkListener;
import io.pqagent.agent.mux.ControlListener;
import io.pqagent.agent.mux.MuxRole;
import io.pqagent.agent.mux.MuxStream;
import io.pqagent.agent.mux.RatchetKind;
import io.pqagent.agent.mux.ResetCode;
import io.pqagent.agent.observe.AuditLog;
import io.pqagent.agent.observe.FilterEventMetrics;
import io.pqagent.qsmp.transport.Tunnel;
import io.pqagent.qsmp.transport.TunnelClosed;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forwarded services over the peers' tunnels. A {@link ServiceConfig} listens on a local port; each
 * connection becomes a stream to the peer, whose OPEN names the service and the target. The peer
 * connects only to a target it exposes to us ({@link ExposeConfig}) and runs that service's stream
 * filter; anything else is reset at once, so a client never hangs on a target that cannot be reached.
 */
public final class ServiceHub implements LinkListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceHub.class);

    private final Predicate<String> weDial;
    private final StreamFilters filters;
    private final AuditLog audit;
    private final FilterEventMetrics filterEvents;
    private final EventLoopGroup loops = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final Map<String, TunnelMux> tunnels = new ConcurrentHashMap<>();
    private final Map<String, Channel> listeners = new HashMap<>();
    private volatile List<ExposeConfig> exposed = List.of();
    private volatile BiConsumer<String, io.pqagent.qsmp.session.RatchetKind> ratchetRequests = (p, k) -> { };

    /** @param weDial whether this agent dials a peer (its multiplexer role and who starts ratchets) */
    public ServiceHub(Predicate<String> weDial, StreamFilters filters, AuditLog audit) {
        this(weDial, filters, audit, FilterEventMetrics.discarding());
    }

    /** @param filterEvents counts the filters' audit events by peer, service and event */
    public ServiceHub(Predicate<String> weDial, StreamFilters filters, AuditLog audit, FilterEventMetrics filterEvents) {
        this.weDial = weDial;
        this.filters = filters;
        this.audit = audit;
        this.filterEvents = filterEvents;
    }

    /** Where a peer's request for a ratchet goes (this agent dials it; profile rule 6). */
    public void onRatchetRequest(BiConsumer<String, io.pqagent.qsmp.session.RatchetKind> handler) {
        this.ratchetRequests = handler;
    }

    /** Asks {@code peer}, which dials us, to start a ratchet. */
    public boolean requestRatchet(String peer, io.pqagent.qsmp.session.RatchetKind kind) {
        TunnelMux t = tunnels.get(peer);
        if (t == null) {
            return false;
        }
        t.run(m -> m.requestRatchet(kind == io.pqagent.qsmp.session.RatchetKind.SYMMETRIC ? RatchetKind.SYMMETRIC
                : RatchetKind.ASYMMETRIC));
        return true;
    }

    /**
     * Applies the services and exposed targets: listeners of removed or changed services close, new
     * ones bind; unchanged ones (and their connections) are left alone.
     *
     * @throws IllegalStateException naming the service whose local port cannot be bound
     */
    public synchronized void configure(List<ServiceConfig> services, List<ExposeConfig> exposes) {
        ExposedFilters.check(filters, exposes);
        this.exposed = List.copyOf(exposes);
        Map<String, ServiceConfig> wanted = new HashMap<>();
        for (ServiceConfig s : services) {
            wanted.put(key(s), s);
        }
        listeners.entrySet().removeIf(e -> {
            if (!wanted.containsKey(e.getKey())) {
                e.getValue().close();
                return true;
            }
            return false;
        });
        for (Map.Entry<String, ServiceConfig> e : wanted.entrySet()) {
            if (!listeners.containsKey(e.getKey())) {
                listeners.put(e.getKey(), bind(e.getValue()));
            }
        }
    }

    /** The local address a service listens on (port 0 in the configuration picks one). */
    public synchronized Optional<InetSocketAddress> localAddress(String service) {
        return listeners.entrySet().stream().filter(e -> e.getKey().startsWith(service + "\n"))
                .map(e -> (InetSocketAddress) e.getValue().localAddress()).findFirst();
    }

    private static String key(ServiceConfig s) {
        return s.name() + "\n" + s;
    }

    private static FilterContext context(ExposeConfig e) {
        return ExposedFilters.context(e);
    }

    // ---- the opener's side: a local port

    private Channel bind(ServiceConfig service) {
        ServerBootstrap b = new ServerBootstrap().group(loops, new PeerLoopGroup(() -> tunnelLoop(service.peer()), loops))
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.AUTO_READ, false)
                // a client that finished sending still waits for the answer (Modbus masters do not, but
                // request/response tools like netcat do): keep the other direction open
                .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        open(service, ch);
                    }
                });
        HostPort at = service.listen();
        try {
            return b.bind(new InetSocketAddress(at.host(), at.port())).syncUninterruptibly().channel();
        } catch (RuntimeException e) {
            throw new IllegalStateException("service " + service.name() + ": cannot listen on " + at + ": "
                    + e.getMessage(), e);
        }
    }

    private io.netty.channel.EventLoop tunnelLoop(String peer) {
        TunnelMux t = tunnels.get(peer);
        return t == null ? null : t.loop();
    }

    private void open(ServiceConfig service, SocketChannel ch) {
        TunnelMux t = tunnels.get(service.peer());
        if (t == null) {
            LOG.info("service {}: no tunnel to {}; closing the local connection", service.name(), service.peer());
            ch.close();
            return;
        }
        StreamPump pump = new StreamPump(t) {
            @Override
            public void onOpened(MuxStream s) {
                channel.read(); // the first chunk; StreamPump asks for each next one
            }
        };
        pump.channel = ch;
        ch.pipeline().addLast(pump);
        byte[] target = service.target().toString().getBytes(StandardCharsets.US_ASCII);
        t.run(m -> {
            try {
                pump.stream = m.open(service.name(), target, pump);
            } catch (RuntimeException e) {
                LOG.warn("service {}: cannot open a stream to {}: {}", service.name(), service.peer(), e.getMessage());
                ch.close();
            }
        });
    }

    // ---- the target's side

    private void accept(TunnelMux t, MuxStream stream) {
        String targetText = stream.parameter() == null ? "" : new String(stream.parameter(), StandardCharsets.US_ASCII);
        HostPort target;
        try {
            target = HostPort.parse(targetText);
        } catch (IllegalArgumentException e) {
            stream.reset(ResetCode.PROTOCOL_ERROR, "bad target");
            return;
        }
        Optional<ExposeConfig> expose = exposed.stream()
                .filter(e -> e.peer().equals(t.peer) && e.target().equals(target)).findFirst();
        if (expose.isEmpty()) {
            audit.record("stream_refused", Map.of("peer", t.peer, "service", stream.service(),
                    "target", target.toString(), "reason", "target not exposed to this peer"));
            stream.reset(ResetCode.POLICY_DENIED, "target not exposed to this peer");
            return;
        }
        ExposeConfig e = expose.get();
        StreamFilterProvider provider = filters.forProtocol(e.protocol().configName()).orElse(null);
        if (provider == null) {
            stream.reset(ResetCode.UNKNOWN_SERVICE, "protocol " + e.protocol().configName() + " not in this build");
            return;
        }
        FilteredPump pump = new FilteredPump(t, provider.open(context(e)), audit, filterEvents, t.peer, e.name());
        Bootstrap b = new Bootstrap().group(t.loop() != null ? t.loop() : loops).channel(NioSocketChannel.class)
                .option(ChannelOption.AUTO_READ, false)
                .option(ChannelOption.ALLOW_HALF_CLOSURE, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000)
                .handler(pump);
        b.connect(target.host(), target.port()).addListener(f -> t.run(m -> {
            if (!f.isSuccess()) {
                stream.reset(ResetCode.CONNECTION_REFUSED, "cannot connect to " + target);
                return;
            }
            Channel ch = ((io.netty.channel.ChannelFuture) f).channel();
            pump.channel = ch;
            pump.stream = stream;
            if (stream.accept(pump)) {
                ch.read(); // the first chunk; StreamPump asks for each next one
            } else {
                ch.close();
            }
        }));
    }

    // ---- tunnels (LinkListener, on the tunnel's event loop)

    @Override
    public void onUp(String peer, Tunnel tunnel) {
        MuxRole role = weDial.test(peer) ? MuxRole.DIALER : MuxRole.LISTENER;
        TunnelMux[] self = new TunnelMux[1];
        self[0] = new TunnelMux(peer, tunnel, role, stream -> accept(self[0], stream), new ControlListener() {
            @Override
            public void onRatchetRequest(RatchetKind kind) {
                ratchetRequests.accept(peer, kind == RatchetKind.SYMMETRIC ? io.pqagent.qsmp.session.RatchetKind.SYMMETRIC
                        : io.pqagent.qsmp.session.RatchetKind.ASYMMETRIC);
            }
        }, audit);
        TunnelMux previous = tunnels.put(peer, self[0]);
        if (previous != null) {
            previous.lost();
        }
    }

    @Override
    public void onMessage(String peer, Tunnel tunnel, byte[] message) {
        TunnelMux t = tunnels.get(peer);
        if (t != null && t.tunnel == tunnel) {
            t.received(message);
        }
    }

    @Override
    public void onDown(String peer, Tunnel tunnel, TunnelClosed why) {
        TunnelMux t = tunnels.get(peer);
        if (t != null && t.tunnel == tunnel) {
            tunnels.remove(peer, t);
            t.lost();
        }
    }

    @Override
    public synchronized void close() {
        for (Channel c : listeners.values()) {
            c.close();
        }
        listeners.clear();
        for (TunnelMux t : tunnels.values()) {
            t.lost();
        }
        loops.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS);
    }
}
