package io.pqagent.agent.service;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelPromise;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.AbstractEventExecutorGroup;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Future;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Where a service's new local connections live: on the event loop of the tunnel to the service's peer,
 * so a request read from the socket is framed, encrypted and sent without crossing a thread (each
 * hand-off between loops costs a wake-up, tens of microseconds on a small gateway). Without a tunnel
 * the connection goes to the fallback loops and is closed at once. It owns no threads: shutting it down
 * is a no-op, the loops belong to the network and to the service hub.
 */
final class PeerLoopGroup extends AbstractEventExecutorGroup implements EventLoopGroup {
    private final Supplier<EventLoop> tunnelLoop;
    private final EventLoopGroup fallback;

    /** @param tunnelLoop the current tunnel's loop, or null when the peer has no tunnel */
    PeerLoopGroup(Supplier<EventLoop> tunnelLoop, EventLoopGroup fallback) {
        this.tunnelLoop = tunnelLoop;
        this.fallback = fallback;
    }

    @Override
    public EventLoop next() {
        EventLoop loop = tunnelLoop.get();
        return loop != null ? loop : fallback.next();
    }

    @Override
    public ChannelFuture register(Channel channel) {
        return next().register(channel);
    }

    @Override
    public ChannelFuture register(ChannelPromise promise) {
        return next().register(promise);
    }

    @Override
    @Deprecated
    public ChannelFuture register(Channel channel, ChannelPromise promise) {
        return next().register(promise);
    }

    @Override
    public Iterator<EventExecutor> iterator() {
        return List.<EventExecutor>of(next()).iterator();
    }

    @Override
    public boolean isShuttingDown() {
        return fallback.isShuttingDown();
    }

    @Override
    public Future<?> shutdownGracefully(long quietPeriod, long timeout, TimeUnit unit) {
        return fallback.terminationFuture();
    }

    @Override
    public Future<?> terminationFuture() {
        return fallback.terminationFuture();
    }

    @Override
    @Deprecated
    public void shutdown() {
        // owns no threads
    }

    @Override
    public boolean isShutdown() {
        return fallback.isShutdown();
    }

    @Override
    public boolean isTerminated() {
        return fallback.isTerminated();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        return fallback.awaitTermination(timeout, unit);
    }
}
