package io.pqagent.qsmp.transport;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.pqagent.qsmp.handshake.DuplexClientHandshake;
import io.pqagent.qsmp.handshake.DuplexServerHandshake;
import io.pqagent.qsmp.handshake.HandshakeContext;
import io.pqagent.qsmp.handshake.KeyQuery;
import io.pqagent.qsmp.handshake.Mode;
import io.pqagent.qsmp.handshake.Role;
import io.pqagent.qsmp.handshake.SimplexClientHandshake;
import io.pqagent.qsmp.handshake.SimplexServerHandshake;
import io.pqagent.qsmp.keys.PublicKeyRecord;
import io.pqagent.qsmp.keys.SigningKeyRecord;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The entry point of the transport: event loops for I/O (no thread per connection) and a small
 * executor for expensive crypto, shared by every endpoint opened through it. Duplex and Simplex,
 * client and server, IPv4 and IPv6.
 */
public final class QsmpNetwork implements AutoCloseable {
    /**
     * Netty's adaptive receive-buffer sizing, one instance for every connection: it keeps no state of its
     * own (each channel's handle does), and Netty would otherwise create one per channel.
     */
    static final AdaptiveRecvByteBufAllocator RECEIVE_BUFFERS = new AdaptiveRecvByteBufAllocator();

    private final EventLoopGroup io;
    private final ExecutorService crypto;

    private QsmpNetwork(int ioThreads, int cryptoThreads) {
        this.io = new MultiThreadIoEventLoopGroup(ioThreads, new DefaultThreadFactory("qsmp-io", true),
                NioIoHandler.newFactory());
        this.crypto = Executors.newFixedThreadPool(cryptoThreads, new DefaultThreadFactory("qsmp-crypto", true));
    }

    /** One I/O thread and one crypto thread per core. */
    public static QsmpNetwork create() {
        int cores = Runtime.getRuntime().availableProcessors();
        return new QsmpNetwork(cores, cores);
    }

    public static QsmpNetwork create(int ioThreads, int cryptoThreads) {
        return new QsmpNetwork(ioThreads, cryptoThreads);
    }

    /** Duplex client ("sender"): authenticates the listener by its public-key record, and itself. */
    public CompletableFuture<Tunnel> connectDuplex(HandshakeContext ctx, SigningKeyRecord local,
            PublicKeyRecord listener, InetSocketAddress address, TransportSettings settings, TunnelHandler handler) {
        return connect(address, settings, () -> new TunnelChannel(new DuplexClientHandshake(ctx, local, listener),
                Mode.DUPLEX, Role.CLIENT, ctx, settings, crypto, handler, ConnectionHooks.NONE));
    }

    /** Simplex client: trusts one server key. */
    public CompletableFuture<Tunnel> connectSimplex(HandshakeContext ctx, PublicKeyRecord server,
            InetSocketAddress address, TransportSettings settings, TunnelHandler handler) {
        return connect(address, settings, () -> new TunnelChannel(new SimplexClientHandshake(ctx, server),
                Mode.SIMPLEX, Role.CLIENT, ctx, settings, crypto, handler, ConnectionHooks.NONE));
    }

    /** Duplex listener for many peers; callers are found through {@code keyQuery} (profile rule 7). */
    public QsmpServer listenDuplex(HandshakeContext ctx, SigningKeyRecord local, KeyQuery keyQuery,
            InetSocketAddress bind, TransportSettings settings, TunnelHandler handler) {
        return ServerEndpoint.bind(io, bind, settings, hooks -> new TunnelChannel(
                new DuplexServerHandshake(ctx, local, keyQuery, null), Mode.DUPLEX, Role.SERVER, ctx, settings,
                crypto, handler, hooks), false);
    }

    /**
     * A Duplex listener whose own keys may change while it runs (an identity rotation): each new
     * connection asks {@code localKeys} for the keys to answer with, and the caller's key id picks one.
     */
    public QsmpServer listenDuplex(HandshakeContext ctx, java.util.function.Supplier<java.util.List<SigningKeyRecord>> localKeys,
            KeyQuery keyQuery, InetSocketAddress bind, TransportSettings settings, TunnelHandler handler) {
        return ServerEndpoint.bind(io, bind, settings, hooks -> new TunnelChannel(
                new DuplexServerHandshake(ctx, localKeys.get(), keyQuery, null), Mode.DUPLEX, Role.SERVER, ctx,
                settings, crypto, handler, hooks), false);
    }

    /** The multi-client Simplex server. */
    public QsmpServer startSimplex(HandshakeContext ctx, SigningKeyRecord key, InetSocketAddress bind,
            TransportSettings settings, TunnelHandler handler) {
        return ServerEndpoint.bind(io, bind, settings, hooks -> new TunnelChannel(
                new SimplexServerHandshake(ctx, key), Mode.SIMPLEX, Role.SERVER, ctx, settings, crypto, handler,
                hooks), false);
    }

    /** A Duplex listener for one connection: it stops listening once a tunnel is established. */
    public CompletableFuture<Tunnel> acceptDuplexOnce(HandshakeContext ctx, SigningKeyRecord local, KeyQuery keyQuery,
            InetSocketAddress bind, TransportSettings settings, TunnelHandler handler) {
        return ((ServerEndpoint) ServerEndpoint.bind(io, bind, settings, hooks -> new TunnelChannel(
                new DuplexServerHandshake(ctx, local, keyQuery, null), Mode.DUPLEX, Role.SERVER, ctx, settings,
                crypto, handler, hooks), true)).first();
    }

    /** A Simplex listener for one connection (the reference's single-connection listen). */
    public CompletableFuture<Tunnel> acceptSimplexOnce(HandshakeContext ctx, SigningKeyRecord key,
            InetSocketAddress bind, TransportSettings settings, TunnelHandler handler) {
        return ((ServerEndpoint) ServerEndpoint.bind(io, bind, settings, hooks -> new TunnelChannel(
                new SimplexServerHandshake(ctx, key), Mode.SIMPLEX, Role.SERVER, ctx, settings, crypto, handler,
                hooks), true)).first();
    }

    private CompletableFuture<Tunnel> connect(InetSocketAddress address, TransportSettings settings,
            java.util.function.Supplier<TunnelChannel> factory) {
        CompletableFuture<Tunnel> result = new CompletableFuture<>();
        TunnelChannel tunnel = factory.get();
        Bootstrap b = new Bootstrap().group(io).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.RCVBUF_ALLOCATOR, RECEIVE_BUFFERS)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) settings.handshakeTimeout().toMillis())
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(tunnel);
                    }
                });
        // before connecting: a fast handshake (or failure) may finish on the event loop before this
        // thread returns from connect(), and the channel drops its future once established
        tunnel.established().whenComplete((t, e) -> {
            if (e != null) {
                result.completeExceptionally(e);
            } else {
                result.complete(t);
            }
        });
        b.connect(address).addListener(f -> {
            if (!f.isSuccess()) {
                result.completeExceptionally(new IOException("cannot connect to " + address + ": "
                        + f.cause().getMessage(), f.cause()));
            }
        });
        return result;
    }

    /** Closes the event loops and the crypto executor; open tunnels are dropped. */
    @Override
    public void close() {
        io.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        crypto.shutdownNow();
    }
}
