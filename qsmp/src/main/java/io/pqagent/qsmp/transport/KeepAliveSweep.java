package io.pqagent.qsmp.transport;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The keep-alive clock (profile rule 5) of one server's sessions on one event loop: a single timer walks
 * them, where a timer task per connection cost about 80 bytes of heap per idle session. The sessions are
 * chained through {@link TunnelChannel} itself, so joining and leaving allocate nothing; the timer runs
 * only while a session is in the list. Event loop only.
 *
 * <p>Sessions may have keep-alive timings of their own ({@link Tunnel#setKeepAlive}); the tick follows the
 * shortest any member ever had, so no session is served later than a sixteenth of its own interval.
 */
final class KeepAliveSweep {
    /** Ticks per keep-alive interval (or timeout, if shorter): how late a request or an expiry may be. */
    private static final int TICKS_PER_INTERVAL = 16;
    private static final long MIN_TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final EventLoop loop;
    /** Only ever shrinks: a sweep that served a brisk session once keeps its finer tick (a cheap walk). */
    private long tickNanos = Long.MAX_VALUE;
    private TunnelChannel first;
    private ScheduledFuture<?> timer;

    KeepAliveSweep(EventLoop loop) {
        this.loop = loop;
    }

    /** Adds {@code session}, whose shorter of keep-alive interval and timeout is {@code spanNanos}. */
    void join(TunnelChannel session, long spanNanos) {
        session.sweepPrevious = null;
        session.sweepNext = first;
        if (first != null) {
            first.sweepPrevious = session;
        }
        first = session;
        fit(spanNanos);
        if (timer == null) {
            timer = loop.scheduleAtFixedRate(this::tick, tickNanos, tickNanos, TimeUnit.NANOSECONDS);
        }
    }

    /** A member's timing changed to {@code spanNanos}: ticks at least as often as it needs. */
    void fit(long spanNanos) {
        long wanted = Math.max(MIN_TICK_NANOS, spanNanos / TICKS_PER_INTERVAL);
        if (wanted >= tickNanos) {
            return;
        }
        tickNanos = wanted;
        if (timer != null) {
            timer.cancel(false);
            timer = loop.scheduleAtFixedRate(this::tick, tickNanos, tickNanos, TimeUnit.NANOSECONDS);
        }
    }

    /** The current tick, for tests. */
    long tickNanos() {
        return tickNanos;
    }

    void leave(TunnelChannel session) {
        TunnelChannel before = session.sweepPrevious;
        TunnelChannel after = session.sweepNext;
        if (before != null) {
            before.sweepNext = after;
        } else if (first == session) {
            first = after;
        }
        if (after != null) {
            after.sweepPrevious = before;
        }
        session.sweepPrevious = null;
        session.sweepNext = null;
        if (first == null && timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    private void tick() {
        long now = System.nanoTime();
        for (TunnelChannel t = first; t != null; ) {
            TunnelChannel after = t.sweepNext; // a tick may end t's session, which unlinks it
            t.keepAliveTick(now);
            t = after;
        }
    }
}
