package io.pqagent.qsmp.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.pqagent.qsmp.handshake.ClientHandshake;
import io.pqagent.qsmp.handshake.HandshakeContext;
import io.pqagent.qsmp.handshake.HandshakeMachine;
import io.pqagent.qsmp.handshake.Mode;
import io.pqagent.qsmp.handshake.Role;
import io.pqagent.qsmp.handshake.Step;
import io.pqagent.qsmp.session.RatchetKind;
import io.pqagent.qsmp.session.Received;
import io.pqagent.qsmp.session.Session;
import io.pqagent.qsmp.wire.Flag;
import io.pqagent.qsmp.wire.QsmpError;
import io.pqagent.qsmp.wire.QsmpException;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One connection: the handshake machine, then the session. All protocol state is touched on the
 * channel's event loop, or on a crypto thread while the channel is marked busy, never both: work that
 * arrives while busy (frames, sends, ratchets) waits in order. Expensive steps (handshake packets,
 * asymmetric ratchets) run on the crypto executor so that they never stall other connections' I/O.
 *
 * <p>It is the channel's only handler and cuts its own frames ({@link FrameDecoder}): an idle server
 * session is mostly keys, so every per-connection object counts (a second handler, its context, a
 * timer task, a queue, a future nobody reads).
 */
final class TunnelChannel extends ChannelInboundHandlerAdapter implements Tunnel {
    /**
     * How long an orderly close waits for its terminate packet to be written. A peer that stopped
     * reading would otherwise hold that packet, and the connection, for ever.
     */
    private static final long CLOSE_GRACE_MILLIS = 1_000;

    /** The handshake; released once it ends, with everything it held (an idle session keeps none of it). */
    private HandshakeMachine machine;
    /** Needed to build the session; released with the machine. */
    private HandshakeContext context;
    /** The endpoint's settings; a listener may replace the keep-alive timing per tunnel (event loop only). */
    private volatile TransportSettings settings;
    private final Executor crypto;
    private final TunnelHandler handler;
    private final ConnectionHooks hooks;
    private final Mode mode;
    private final Role role;
    /** Completed once; then dropped, since only a connecting caller waits on it (before it completes). */
    private CompletableFuture<Tunnel> established = new CompletableFuture<>();
    private final CompletableFuture<TunnelClosed> closed = new CompletableFuture<>();
    /** Work that arrived while busy; created on first need. */
    private ArrayDeque<Runnable> waiting;
    /** Bytes received and not yet cut into frames; null when there are none. */
    private ByteBuf received;
    /** Whether the next handshake frame may be cut: one at a time, once the machine took the last one. */
    private boolean armed = true;

    private volatile Channel channel;
    private volatile Session session;
    private boolean busy;
    private volatile TunnelClosed reason;
    private CompletableFuture<Void> asymmetricRatchet;
    private io.netty.util.concurrent.ScheduledFuture<?> deadline;
    /** The keep-alive clock this server session is chained into (fields below are its links). */
    private KeepAliveSweep sweep;
    TunnelChannel sweepPrevious;
    TunnelChannel sweepNext;
    private long keepAliveSentNanos;
    /** Keep-alive exchanges completed (answers received, or requests answered); written on the event loop. */
    private volatile long keepAlives;
    /** Told when the tunnel may be writable again ({@link #onWritable}); null until someone asks. */
    private volatile Runnable writableListener;

    TunnelChannel(HandshakeMachine machine, Mode mode, Role role, HandshakeContext context, TransportSettings settings,
            Executor crypto, TunnelHandler handler, ConnectionHooks hooks) {
        this.machine = machine;
        this.mode = mode;
        this.role = role;
        this.context = context;
        this.settings = settings;
        this.crypto = crypto;
        this.handler = handler;
        this.hooks = hooks;
    }

    /** Completes when the tunnel is established; call before the channel is connected. */
    CompletableFuture<Tunnel> established() {
        return established;
    }

    // ---- Netty events (event loop) ----

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        channel = ctx.channel();
        deadline = ctx.executor().schedule(() -> fail(QsmpError.RECEIVE_FAILURE,
                "handshake not completed within " + settings.handshakeTimeout().toMillis() + " ms", false),
                settings.handshakeTimeout().toNanos(), TimeUnit.NANOSECONDS);
        if (machine instanceof ClientHandshake client) {
            offload(client::start, this::onStep);
        }
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf data = (ByteBuf) msg;
        received = received == null ? data : ByteToMessageDecoder.MERGE_CUMULATOR.cumulate(ctx.alloc(), received, data);
        cutFrames();
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (received != null) {
            received.discardSomeReadBytes(); // a partial frame need not pin the whole read buffer
        }
        ctx.fireChannelReadComplete();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        releaseReceived();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        releaseReceived();
        // frames that arrived before the close (say, the peer's error packet) are handled first
        whenIdle(() -> {
            recordEnd(session == null
                    ? new TunnelClosed(QsmpError.RECEIVE_FAILURE, "connection closed during the handshake", true)
                    : new TunnelClosed(QsmpError.CHANNEL_DOWN, "connection lost", true));
            closed.complete(reason);
            handler.onClosed(this, reason);
        });
        ctx.fireChannelInactive();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (ctx.channel().isWritable()) {
            tellWritable();
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Throwable c = cause instanceof io.netty.handler.codec.DecoderException && cause.getCause() != null
                ? cause.getCause() : cause;
        if (c instanceof QsmpException q) {
            fail(q.error(), q.getMessage(), false);
        } else {
            fail(QsmpError.CHANNEL_DOWN, String.valueOf(c.getMessage()), true);
        }
    }

    // ---- framing (event loop) ----

    /**
     * Cuts every frame that may be cut now: in the tunnel all that have arrived; in the handshake one at
     * a time, the next only once the machine has taken the previous one, so that the size question
     * never races the machine.
     */
    private void cutFrames() {
        try {
            while (received != null && reason == null) {
                Frame frame;
                if (session != null) {
                    frame = FrameDecoder.next(received, null, settings.limits());
                } else if (machine != null && armed) {
                    frame = FrameDecoder.next(received, machine::payloadLength, settings.limits());
                    if (frame != null) {
                        armed = false;
                    }
                } else {
                    break;
                }
                if (frame == null) {
                    break;
                }
                whenIdle(() -> onFrame(frame));
            }
        } catch (QsmpException e) {
            fail(e.error(), e.getMessage(), false);
        } finally {
            if (received != null && (reason != null || !received.isReadable())) {
                releaseReceived(); // an empty or abandoned buffer is not kept while the session idles
            }
        }
    }

    private void releaseReceived() {
        if (received != null) {
            received.release();
            received = null;
        }
    }

    // ---- protocol (event loop, or crypto thread while busy) ----

    private void onFrame(Frame frame) {
        if (reason != null) {
            return;
        }
        if (session == null) {
            HandshakeMachine m = machine;
            offload(() -> m.process(frame.header(), frame.payload()), this::onStep);
        } else if (frame.header().is(Flag.ASYMMETRIC_RATCHET_REQUEST) || frame.header().is(Flag.ASYMMETRIC_RATCHET_RESPONSE)) {
            offload(() -> receive(frame), this::onReceived);
        } else {
            onReceived(receive(frame));
        }
    }

    private Object receive(Frame frame) {
        try {
            return session.receive(frame.header(), frame.payload());
        } catch (QsmpException e) {
            return e;
        }
    }

    private void onStep(Step step) {
        if (reason != null) {
            return;
        }
        if (step instanceof Step.Send send) {
            channel.writeAndFlush(Unpooled.wrappedBuffer(send.packet()));
            armed = true;
            pump();
        } else if (step instanceof Step.Established done) {
            // book the session before the last packet leaves: once the peer sees it, we are counted
            session = new Session(done.result(), context, settings.limits());
            deadline.cancel(false);
            deadline = null;
            machine = null;
            context = null;
            hooks.handshakeEnded(this);
            hooks.established(this);
            startKeepAlive();
            if (done.packet() != null) {
                channel.writeAndFlush(Unpooled.wrappedBuffer(done.packet()));
            }
            handler.onOpen(this);
            CompletableFuture<Tunnel> waiter = established;
            established = null;
            waiter.complete(this);
            pump();
        } else {
            Step.Failed failed = (Step.Failed) step;
            machine = null;
            context = null;
            boolean peerSaid = failed.errorPacket() == null;
            recordEnd(new TunnelClosed(failed.error(), failed.detail(), peerSaid));
            if (failed.errorPacket() != null) {
                channel.writeAndFlush(Unpooled.wrappedBuffer(failed.errorPacket())).addListener(ChannelFutureListener.CLOSE);
            } else {
                channel.close();
            }
        }
    }

    private void onReceived(Object result) {
        if (reason != null) {
            return;
        }
        if (result instanceof QsmpException e) {
            fail(e.error(), e.getMessage(), false); // rule 8: send nothing, close
        } else if (result instanceof Received.Data data) {
            handler.onMessage(this, data.message());
        } else if (result instanceof Received.KeepAliveRequest ka) {
            keepAlives++;
            channel.writeAndFlush(Unpooled.wrappedBuffer(ka.reply()));
        } else if (result instanceof Received.KeepAliveAnswered) {
            keepAlives++;
        } else if (result instanceof Received.RatchetCompleted rc) {
            if (rc.reply() != null) {
                channel.writeAndFlush(Unpooled.wrappedBuffer(rc.reply()));
            } else if (rc.kind() == RatchetKind.ASYMMETRIC && asymmetricRatchet != null) {
                asymmetricRatchet.complete(null);
                asymmetricRatchet = null;
            }
        } else if (result instanceof Received.Terminated) {
            recordEnd(TunnelClosed.orderly(true));
            channel.close();
        }
    }

    private void startKeepAlive() {
        if (role != Role.SERVER || settings.keepAliveInterval().isZero()) {
            return; // profile rule 5: only the listening side asks
        }
        sweep = hooks.keepAliveSweep(channel.eventLoop());
        if (sweep != null) {
            keepAliveSentNanos = System.nanoTime(); // the first request goes out one interval from now
            sweep.join(this, keepAliveSpan(settings));
            // a server session idles until its client speaks: hold the key, not the round keys, till then
            session.compact();
        }
    }

    /** Called by the sweep on the event loop: sends the next request when due, or ends an unanswered one. */
    void keepAliveTick(long now) {
        if (reason != null || busy) {
            return; // a busy session is looked at again on the next tick
        }
        TransportSettings timing = settings;
        if (session.keepAlivePending()) {
            if (now - keepAliveSentNanos >= timing.keepAliveTimeout().toNanos()) {
                fail(QsmpError.KEEPALIVE_EXPIRED, "no keep-alive answer within "
                        + timing.keepAliveTimeout().toMillis() + " ms", false);
            }
            return;
        }
        if (now - keepAliveSentNanos >= timing.keepAliveInterval().toNanos()) {
            keepAliveSentNanos = now;
            session.compactIfIdle(); // a direction silent for a whole interval drops its round keys
            channel.writeAndFlush(Unpooled.wrappedBuffer(session.sendKeepAlive()));
        }
    }

    private static long keepAliveSpan(TransportSettings timing) {
        return Math.min(timing.keepAliveInterval().toNanos(), timing.keepAliveTimeout().toNanos());
    }

    /** Event loop: the new timing applies from the next tick; an unanswered request keeps its send time. */
    private void applyKeepAlive(TransportSettings timing) {
        settings = timing;
        if (reason != null) {
            return;
        }
        if (timing.keepAliveInterval().isZero()) {
            if (sweep != null) {
                sweep.leave(this);
                sweep = null;
            }
            return;
        }
        if (sweep == null) {
            sweep = hooks.keepAliveSweep(channel.eventLoop());
            if (sweep == null) {
                return; // an endpoint without a keep-alive clock
            }
            keepAliveSentNanos = System.nanoTime();
            sweep.join(this, keepAliveSpan(timing));
        } else {
            sweep.fit(keepAliveSpan(timing));
        }
    }

    // ---- the busy gate ----

    /** Runs {@code action} now if nothing is in progress, else after what is. Event loop only. */
    private void whenIdle(Runnable action) {
        if (busy) {
            if (waiting == null) {
                waiting = new ArrayDeque<>(4);
            }
            waiting.add(action);
        } else {
            action.run();
        }
    }

    /** Runs {@code work} on the crypto executor, then {@code then} on the event loop; the channel waits. */
    private <T> void offload(Supplier<T> work, Consumer<T> then) {
        busy = true;
        Channel ch = channel;
        crypto.execute(() -> {
            T result;
            try {
                result = work.get();
            } catch (RuntimeException e) {
                ch.eventLoop().execute(() -> {
                    busy = false;
                    fail(QsmpError.INVALID_INPUT, "internal error: " + e, false);
                    drain();
                });
                return;
            }
            ch.eventLoop().execute(() -> {
                busy = false;
                if (reason != null) {
                    closeSession(); // ended while the crypto thread held the session
                } else {
                    then.accept(result);
                }
                drain();
                if (!busy) {
                    tellWritable(); // sends were held while busy (isWritable said so)
                }
            });
        });
    }

    private void drain() {
        while (!busy && waiting != null && !waiting.isEmpty()) {
            waiting.poll().run();
        }
        if (waiting != null && waiting.isEmpty()) {
            waiting = null; // an idle session holds no queue
        }
    }

    /** Cuts frames that arrived while the machine was busy. */
    private void pump() {
        if (channel.isActive()) {
            cutFrames();
        }
    }

    // ---- ending ----

    private void fail(QsmpError error, String detail, boolean byPeer) {
        recordEnd(new TunnelClosed(error, detail, byPeer));
        if (channel != null) {
            channel.close();
        }
    }

    /** The first recorded reason wins; secrets are wiped and futures settled once. */
    private void recordEnd(TunnelClosed why) {
        if (reason != null) {
            return;
        }
        reason = why;
        if (deadline != null) {
            deadline.cancel(false);
            deadline = null;
        }
        if (sweep != null) {
            sweep.leave(this);
            sweep = null;
        }
        if (!busy) {
            closeSession();
        }
        if (established != null && !established.isDone()) {
            hooks.handshakeEnded(this);
            established.completeExceptionally(why.error() == null
                    ? new QsmpException(QsmpError.CHANNEL_DOWN, why.reason())
                    : new QsmpException(why.error(), why.reason()));
        }
        if (asymmetricRatchet != null) {
            asymmetricRatchet.completeExceptionally(new QsmpException(QsmpError.KEYCHAIN_FAIL, "tunnel closed"));
        }
        hooks.closed(this);
    }

    private void closeSession() {
        if (session != null) {
            session.close();
        }
    }

    /** Drops a connection still in its handshake (server shutdown). */
    void abort() {
        Channel ch = channel;
        if (ch != null) {
            ch.eventLoop().execute(() -> fail(QsmpError.CHANNEL_DOWN, "server shutting down", false));
        }
    }

    // ---- Tunnel API (any thread) ----

    @Override
    public Mode mode() {
        return mode;
    }

    @Override
    public Role role() {
        return role;
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return (InetSocketAddress) channel.remoteAddress();
    }

    @Override
    public byte[] peerVerificationKey() {
        return session.peerVerificationKey();
    }

    @Override
    public CompletableFuture<Void> send(byte[] message) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        onLoop(done, () -> {
            byte[] packet = session.encrypt(message);
            channel.writeAndFlush(Unpooled.wrappedBuffer(packet)).addListener(f -> settle(done, f));
        });
        return done;
    }

    @Override
    public CompletableFuture<Void> ratchet(RatchetKind kind) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        onLoop(done, () -> {
            if (kind == RatchetKind.SYMMETRIC) {
                channel.writeAndFlush(Unpooled.wrappedBuffer(session.startSymmetricRatchet()))
                        .addListener(f -> settle(done, f));
                return;
            }
            if (mode != Mode.DUPLEX || session.ratchetPending()) {
                throw new IllegalStateException(mode != Mode.DUPLEX ? "ratchets exist only in Duplex sessions"
                        : "an asymmetric ratchet is already in progress");
            }
            asymmetricRatchet = done;
            offload(session::startAsymmetricRatchet, packet -> channel.writeAndFlush(Unpooled.wrappedBuffer(packet)));
        });
        return done;
    }

    @Override
    public CompletableFuture<TunnelClosed> close() {
        Channel ch = channel;
        ch.eventLoop().execute(() -> whenIdle(() -> {
            if (reason == null) {
                byte[] bye = session != null ? session.terminate() : null;
                recordEnd(TunnelClosed.orderly(false));
                if (bye != null) {
                    io.netty.channel.ChannelFuture written = ch.writeAndFlush(Unpooled.wrappedBuffer(bye))
                            .addListener(ChannelFutureListener.CLOSE);
                    if (!written.isDone()) {
                        ch.eventLoop().schedule(() -> {
                            ch.close();
                        }, CLOSE_GRACE_MILLIS, TimeUnit.MILLISECONDS);
                    }
                } else {
                    ch.close();
                }
            }
        }));
        return closed;
    }

    @Override
    public CompletableFuture<TunnelClosed> closeFuture() {
        return closed;
    }

    @Override
    public boolean isOpen() {
        return reason == null && session != null && channel.isActive();
    }

    @Override
    public boolean isWritable() {
        // busy: a send now would wait in the busy queue, which no water mark bounds
        return reason == null && session != null && !busy && channel.isWritable();
    }

    @Override
    public void onWritable(Runnable listener) {
        writableListener = listener;
    }

    /** Event loop: the listener runs as a task of its own, so never inside a send that flushed. */
    private void tellWritable() {
        Runnable listener = writableListener;
        if (listener != null && isWritable()) {
            channel.eventLoop().execute(listener);
        }
    }

    @Override
    public java.util.concurrent.Executor executor() {
        return channel.eventLoop();
    }

    @Override
    public void setKeepAlive(java.time.Duration interval, java.time.Duration timeout) {
        if (interval.isNegative() || timeout.isNegative() || (!interval.isZero() && timeout.isZero())) {
            throw new IllegalArgumentException("keep-alive interval " + interval + " and timeout " + timeout
                    + ": neither may be negative, and a running keep-alive needs a positive timeout");
        }
        if (role != Role.SERVER) {
            throw new IllegalStateException("only the listening side sends keep-alive requests (profile rule 5)");
        }
        Channel ch = channel;
        if (ch == null || session == null) {
            throw new IllegalStateException("the tunnel is not established");
        }
        TransportSettings timing = settings.withKeepAlive(interval, timeout);
        ch.eventLoop().execute(() -> applyKeepAlive(timing));
    }

    @Override
    public KeepAliveStatus keepAliveStatus() {
        TransportSettings timing = settings;
        boolean sends = role == Role.SERVER && !timing.keepAliveInterval().isZero();
        java.time.Duration none = java.time.Duration.ZERO;
        return new KeepAliveStatus(sends, sends ? timing.keepAliveInterval() : none,
                sends ? timing.keepAliveTimeout() : none, keepAlives);
    }

    /** Runs {@code action} on the event loop when idle; failures complete {@code done}. */
    /**
     * Runs {@code action} on the event loop when idle; failures complete {@code done}. Called on the
     * event loop it runs at once (still behind busy work), so a send there is in the channel's outbound
     * buffer, and counted by {@link #isWritable()}, when the call returns. Calls from any one thread keep
     * their order: another thread's calls are tasks, run in order; the loop's own run in program order.
     */
    private void onLoop(CompletableFuture<?> done, Runnable action) {
        Runnable task = () -> whenIdle(() -> {
            if (reason != null || session == null) {
                done.completeExceptionally(new QsmpException(QsmpError.CHANNEL_DOWN, "tunnel is closed"));
                return;
            }
            try {
                action.run();
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        io.netty.channel.EventLoop loop = channel.eventLoop();
        if (loop.inEventLoop()) {
            task.run();
        } else {
            loop.execute(task);
        }
    }

    private static void settle(CompletableFuture<Void> done, io.netty.util.concurrent.Future<?> f) {
        if (f.isSuccess()) {
            done.complete(null);
        } else {
            done.completeExceptionally(f.cause());
        }
    }

    @Override
    public String toString() {
        return "Tunnel[" + mode + " " + role + " " + (channel == null ? "unconnected" : channel.remoteAddress()) + "]";
    }
}
