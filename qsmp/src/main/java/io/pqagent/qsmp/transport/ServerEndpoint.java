package io.pqagent.qsmp.transport;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A listening socket and the tunnels accepted on it, with the caps of {@link TransportSettings}: a
 * connection beyond the number of concurrent handshakes or sessions is closed at once, before any
 * crypto is spent on it.
 */
final class ServerEndpoint implements QsmpServer, ConnectionHooks {
    private final TransportSettings settings;
    private final boolean once;
    private final AtomicInteger handshakes = new AtomicInteger();
    /** Handshakes in progress plus sessions: every accepted connection holds a session slot. */
    private final AtomicInteger occupied = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final Set<TunnelChannel> sessions = ConcurrentHashMap.newKeySet();
    private final Set<TunnelChannel> inHandshake = ConcurrentHashMap.newKeySet();
    private final CompletableFuture<Tunnel> first = new CompletableFuture<>();
    /** One keep-alive clock per event loop, not one timer per session. */
    private final Map<EventLoop, KeepAliveSweep> sweeps = new ConcurrentHashMap<>();
    private volatile Channel listening;

    private ServerEndpoint(TransportSettings settings, boolean once) {
        this.settings = settings;
        this.once = once;
    }

    static QsmpServer bind(EventLoopGroup io, InetSocketAddress address, TransportSettings settings,
            Function<ConnectionHooks, TunnelChannel> factory, boolean once) {
        ServerEndpoint server = new ServerEndpoint(settings, once);
        ServerBootstrap b = new ServerBootstrap().group(io).channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.RCVBUF_ALLOCATOR, QsmpNetwork.RECEIVE_BUFFERS)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        server.accept(ch, factory);
                    }
                });
        // Netty rethrows the socket's checked exception undeclared: look at the future instead
        io.netty.channel.ChannelFuture bound = b.bind(address).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            Throwable cause = bound.cause();
            throw new UncheckedIOException(new java.io.IOException("cannot listen on " + address + ": "
                    + cause.getMessage(), cause));
        }
        server.listening = bound.channel();
        return server;
    }

    /**
     * Accepts a connection only if it can reserve both a handshake and a session slot, atomically, so
     * that handshakes finishing together cannot overshoot the session cap. Over a cap the connection is
     * closed before any crypto is spent on it.
     */
    private void accept(SocketChannel ch, Function<ConnectionHooks, TunnelChannel> factory) {
        if (!reserve(handshakes, settings.maxConcurrentHandshakes())) {
            refuse(ch);
            return;
        }
        if (!reserve(occupied, settings.maxSessions())) {
            handshakes.decrementAndGet();
            refuse(ch);
            return;
        }
        TunnelChannel tunnel = factory.apply(this);
        inHandshake.add(tunnel);
        ch.pipeline().addLast(tunnel);
    }

    private static boolean reserve(AtomicInteger counter, int cap) {
        if (counter.incrementAndGet() > cap) {
            counter.decrementAndGet();
            return false;
        }
        return true;
    }

    private void refuse(SocketChannel ch) {
        refused.incrementAndGet();
        ch.close();
    }

    CompletableFuture<Tunnel> first() {
        return first;
    }

    /** Connections closed at once because a cap was reached. */
    int refused() {
        return refused.get();
    }

    // ---- hooks (event loop of each connection) ----

    @Override
    public void handshakeEnded(TunnelChannel channel) {
        if (inHandshake.remove(channel)) {
            handshakes.decrementAndGet();
        }
    }

    @Override
    public void established(TunnelChannel channel) {
        sessions.add(channel);
        if (once && first.complete(channel)) {
            listening.close(); // a single-connection listener stops listening after its one tunnel
        }
    }

    @Override
    public KeepAliveSweep keepAliveSweep(EventLoop loop) {
        return sweeps.computeIfAbsent(loop, KeepAliveSweep::new);
    }

    /** Called exactly once per accepted connection (see {@link ConnectionHooks#closed}): frees its slot. */
    @Override
    public void closed(TunnelChannel channel) {
        handshakeEnded(channel);
        sessions.remove(channel);
        occupied.decrementAndGet();
    }

    // ---- QsmpServer ----

    @Override
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) listening.localAddress();
    }

    @Override
    public Collection<Tunnel> tunnels() {
        return List.copyOf(sessions);
    }

    @Override
    public int handshakesInProgress() {
        return handshakes.get();
    }

    @Override
    public void broadcast(byte[] message) {
        for (TunnelChannel t : sessions) {
            t.send(message);
        }
    }

    @Override
    public void pause() {
        listening.config().setAutoRead(false);
    }

    @Override
    public void resume() {
        listening.config().setAutoRead(true);
    }

    @Override
    public void quit() {
        listening.close().syncUninterruptibly();
        List<CompletableFuture<TunnelClosed>> closing = new ArrayList<>();
        for (TunnelChannel t : sessions) {
            closing.add(t.close());
        }
        for (TunnelChannel t : inHandshake) {
            closing.add(t.closeFuture());
            t.abort();
        }
        try {
            CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            // a peer that does not let go within 5 s has its connection dropped by close() anyway
        }
        first.completeExceptionally(new IllegalStateException("listener closed"));
    }
}
