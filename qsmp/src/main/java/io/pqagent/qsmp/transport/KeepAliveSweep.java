package io.pqagent.qsmp.transport;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The keep-alive clock (profile rule 5) of one server's sessions on one event loop: a single timer walks
 * them, where a timer task per connection cost about 80 bytes of heap per idle session. The sessions are
 * chained through {@link TunnelChannel} itself, so joining and leaving allocate nothing; the timer runs
 * only while a session is in the list. Event loop only.
 */
final class KeepAliveSweep {
    /** Ticks per keep-alive interval (or timeout, if shorter): how late a request or an expiry may be. */
    private static final int TICKS_PER_INTERVAL = 16;
    private static final long MIN_TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final EventLoop loop;
    private final long tickNanos;
    private TunnelChannel first;
    private ScheduledFuture<?> timer;

    KeepAliveSweep(EventLoop loop, TransportSettings settings) {
        this.loop = loop;
        long span = Math.min(settings.keepAliveInterval().toNanos(), settings.keepAliveTimeout().toNanos());
        this.tickNanos = Math.max(MIN_TICK_NANOS, span / TICKS_PER_INTERVAL);
    }

    void join(TunnelChannel session) {
        session.sweepPrevious = null;
        session.sweepNext = first;
        if (first != null) {
            first.sweepPrevious = session;
        }
        first = session;
        if (timer == null) {
            timer = loop.scheduleAtFixedRate(this::tick, tickNanos, tickNanos, TimeUnit.NANOSECONDS);
        }
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
