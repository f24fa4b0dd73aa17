package io.pqagent.agent.link;

import io.pqagent.qsmp.session.RatchetKind;
import io.pqagent.qsmp.transport.Tunnel;
import io.pqagent.qsmp.transport.TunnelClosed;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One configured peer's tunnel and its schedule. Every field is touched only on the links executor
 * ({@link PeerLinks}), so there are no locks; byte counters are atomic because the event loops bump them.
 */
final class PeerLink {
    private static final Logger LOG = LoggerFactory.getLogger(PeerLink.class);

    final PeerSpec spec;
    final boolean dials;
    final Backoff backoff = new Backoff(Duration.ofMillis(250), Duration.ofSeconds(30));
    final AtomicLong bytesIn = new AtomicLong();
    final AtomicLong bytesOut = new AtomicLong();
    /** Bytes carried since the last symmetric ratchet (the byte trigger of the schedule). */
    final AtomicLong bytesSinceRatchet = new AtomicLong();

    LinkState state;
    volatile CountingTunnel tunnel;
    Instant since = Instant.now();
    long tunnelsOpened;
    long handshakeFailures;
    String lastFailure = "";
    long ratchets;
    Instant lastRatchet;
    ScheduledFuture<?> retry;
    ScheduledFuture<?> symmetricTimer;
    ScheduledFuture<?> asymmetricTimer;
    boolean ratchetRunning;

    PeerLink(PeerSpec spec, boolean dials) {
        this.spec = spec;
        this.dials = dials;
        this.state = dials ? LinkState.CONNECTING : LinkState.WAITING;
    }

    void enter(LinkState next) {
        if (state != next) {
            LOG.info("peer {}: {} -> {}", spec.name(), state, next);
            state = next;
            since = Instant.now();
        }
    }

    boolean isUp() {
        return tunnel != null && tunnel.isOpen();
    }

    /** Starts a ratchet on the current tunnel; the schedule's timers restart once it completes. */
    CompletableFuture<Void> ratchet(RatchetKind kind) {
        Tunnel t = tunnel;
        if (t == null || !t.isOpen()) {
            return CompletableFuture.failedFuture(new IllegalStateException("peer " + spec.name() + " is not connected"));
        }
        if (kind == RatchetKind.SYMMETRIC) {
            bytesSinceRatchet.set(0);
        }
        return t.ratchet(kind);
    }

    void cancelTimers() {
        for (ScheduledFuture<?> f : new ScheduledFuture<?>[] {retry, symmetricTimer, asymmetricTimer}) {
            if (f != null) {
                f.cancel(false);
            }
        }
        retry = null;
        symmetricTimer = null;
        asymmetricTimer = null;
    }

    LinkStatus status() {
        Tunnel t = tunnel;
        return new LinkStatus(spec.name(), state, dials, t == null ? "" : t.remoteAddress().toString(), since,
                tunnelsOpened, handshakeFailures, lastFailure, ratchets, lastRatchet, bytesIn.get(), bytesOut.get(),
                t == null ? null : t.keepAliveStatus());
    }

    static String describe(TunnelClosed why) {
        return why.error() == null ? why.reason() : why.error().name().toLowerCase() + ": " + why.reason();
    }
}
