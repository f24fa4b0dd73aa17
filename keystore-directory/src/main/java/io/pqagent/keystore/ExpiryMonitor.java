package io.pqagent.keystore;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.pqagent.qsmp.keys.KeyId;
import io.pqagent.qsmp.keys.PublicKeyRecord;
import io.pqagent.qsmp.wire.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warns loudly before an identity expires. {@link #check()} is meant for a schedule (the agent runs it,
 * e.g. hourly): within the warning window it logs a WARN, once expired an ERROR, each repeated at the
 * policy's interval, and counts them. A gauge per active identity, {@code qsmp_identity_expiry_seconds
 * {key_id}} in Prometheus, reads the seconds left from the clock at every scrape, so dashboards need no
 * check to have run.
 */
public final class ExpiryMonitor {
    /** Seconds until expiry, negative once expired; Prometheus: {@code qsmp_identity_expiry_seconds}. */
    public static final String EXPIRY_GAUGE = "qsmp.identity.expiry";
    /** Warnings and errors logged; Prometheus: {@code qsmp_identity_expiry_warnings_total}. */
    public static final String WARNINGS_COUNTER = "qsmp.identity.expiry.warnings";

    private static final Logger LOG = LoggerFactory.getLogger(ExpiryMonitor.class);

    private final Supplier<? extends Collection<PublicKeyRecord>> identities;
    private final Clock clock;
    private final ExpiryPolicy policy;
    private final MeterRegistry registry;
    private final Map<KeyId, Gauge> gauges = new HashMap<>();
    private final Map<KeyId, Logged> lastLogged = new HashMap<>();

    private record Logged(ExpiryStatus.Level level, long at) {
    }

    /** @param identities the identities in use, asked at every check (e.g. the store's active ones) */
    public ExpiryMonitor(Supplier<? extends Collection<PublicKeyRecord>> identities, Clock clock, ExpiryPolicy policy,
            MeterRegistry registry) {
        this.identities = Objects.requireNonNull(identities, "identities");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /** Watches a store's {@link IdentityStore#activeIdentities() active identities}. */
    public static ExpiryMonitor of(IdentityStore store, Clock clock, ExpiryPolicy policy, MeterRegistry registry) {
        return new ExpiryMonitor(() -> store.activeIdentities().stream().map(Identity::publicRecord).toList(),
                clock, policy, registry);
    }

    /** One round: gauges for the identities in use (and none for those gone), logs due, their count. */
    public synchronized List<ExpiryStatus> check() {
        long now = clock.utcSeconds();
        List<ExpiryStatus> statuses = new ArrayList<>();
        for (PublicKeyRecord identity : identities.get()) {
            ExpiryStatus status = status(identity, now);
            statuses.add(status);
            gauges.computeIfAbsent(identity.keyId(), id -> registerGauge(identity));
            report(identity, status, now);
        }
        List<KeyId> current = statuses.stream().map(ExpiryStatus::keyId).toList();
        gauges.entrySet().removeIf(e -> {
            if (current.contains(e.getKey())) {
                return false;
            }
            registry.remove(e.getValue());
            return true;
        });
        lastLogged.keySet().retainAll(current);
        return List.copyOf(statuses);
    }

    private ExpiryStatus status(PublicKeyRecord identity, long now) {
        long left = identity.expiration() - now;
        ExpiryStatus.Level level = identity.isExpiredAt(now) ? ExpiryStatus.Level.EXPIRED
                : left <= policy.warningWindow().toSeconds() ? ExpiryStatus.Level.EXPIRING
                : ExpiryStatus.Level.OK;
        return new ExpiryStatus(identity.keyId(), identity.expiration(), left, level);
    }

    private Gauge registerGauge(PublicKeyRecord identity) {
        long expiration = identity.expiration();
        return Gauge.builder(EXPIRY_GAUGE, () -> expiration - clock.utcSeconds())
                .baseUnit("seconds")
                .description("Seconds until this QSMP identity expires (negative once expired)")
                .tag("key_id", identity.keyId().hex())
                .register(registry);
    }

    /** Logs when the level got worse or the last log of this level is older than its repeat interval. */
    private void report(PublicKeyRecord identity, ExpiryStatus status, long now) {
        if (status.level() == ExpiryStatus.Level.OK) {
            lastLogged.remove(identity.keyId());
            return;
        }
        Logged last = lastLogged.get(identity.keyId());
        Duration every = status.level() == ExpiryStatus.Level.EXPIRED ? policy.errorEvery() : policy.warnEvery();
        if (last != null && last.level() == status.level() && now - last.at() < every.toSeconds()) {
            return;
        }
        String at = Instant.ofEpochSecond(identity.expiration()).toString();
        if (status.level() == ExpiryStatus.Level.EXPIRED) {
            LOG.error("QSMP identity {} ({}) EXPIRED {} ago, at {}: peers refuse it; prepare, publish and switch "
                    + "to a new identity now", identity.keyId(), identity.config().text(),
                    span(-status.secondsLeft()), at);
        } else {
            LOG.warn("QSMP identity {} ({}) expires in {}, at {}: prepare and publish the next identity before then",
                    identity.keyId(), identity.config().text(), span(status.secondsLeft()), at);
        }
        Counter.builder(WARNINGS_COUNTER)
                .description("Expiry warnings (level=expiring) and errors (level=expired) logged")
                .tag("key_id", identity.keyId().hex())
                .tag("level", status.level() == ExpiryStatus.Level.EXPIRED ? "expired" : "expiring")
                .register(registry)
                .increment();
        lastLogged.put(identity.keyId(), new Logged(status.level(), now));
    }

    /** "12 days 3 hours", "5 hours 0 minutes", "0 minutes 1 seconds": what an operator reads at a glance. */
    static String span(long seconds) {
        long days = seconds / 86_400;
        long hours = seconds % 86_400 / 3_600;
        long minutes = seconds % 3_600 / 60;
        if (days > 0) {
            return days + " days " + hours + " hours";
        }
        return hours > 0 ? hours + " hours " + minutes + " minutes" : minutes + " minutes " + seconds % 60 + " seconds";
    }
}
