package io.pqagent.keystore;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pqagent.qsmp.crypto.ParameterSet;
import io.pqagent.qsmp.crypto.ShakeEntropy;
import io.pqagent.qsmp.keys.KeyGeneration;
import io.pqagent.qsmp.keys.KeyId;
import io.pqagent.qsmp.keys.PublicKeyRecord;
import io.pqagent.qsmp.keys.SigningKeyRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Expiry warnings with a clock the test moves: gauges, WARN then ERROR, repeated at their intervals. */
class ExpiryMonitorTest {
    private static final long EXPIRATION = TestClock.START + 100 * TestClock.DAY;

    private final TestClock clock = new TestClock();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(ExpiryMonitor.class);
    private final List<PublicKeyRecord> active = new ArrayList<>();
    private final ExpiryMonitor monitor = new ExpiryMonitor(() -> active, clock, ExpiryPolicy.DEFAULT, registry);

    @BeforeEach
    void captureLogs() {
        logs.start();
        logger.addAppender(logs);
    }

    @AfterEach
    void releaseLogs() {
        logger.detachAppender(logs);
    }

    private static PublicKeyRecord identity(String seed, long expiration) {
        ShakeEntropy entropy = new ShakeEntropy(seed);
        try (SigningKeyRecord key = KeyGeneration.generate(ParameterSet.DILITHIUM_S1_KYBER_S1, KeyId.random(entropy),
                expiration, entropy)) {
            return key.publicRecord();
        }
    }

    private double gauge(PublicKeyRecord identity) {
        Gauge g = registry.find(ExpiryMonitor.EXPIRY_GAUGE).tag("key_id", identity.keyId().hex()).gauge();
        assertThat(g).as("gauge for %s", identity.keyId()).isNotNull();
        return g.value();
    }

    private double warnings(PublicKeyRecord identity, String level) {
        var c = registry.find(ExpiryMonitor.WARNINGS_COUNTER).tag("key_id", identity.keyId().hex())
                .tag("level", level).counter();
        return c == null ? 0 : c.count();
    }

    private List<ILoggingEvent> logged(Level level) {
        return logs.list.stream().filter(e -> e.getLevel() == level).toList();
    }

    @Test
    void saysNothingOutsideTheWindowButExportsTheSecondsLeft() {
        PublicKeyRecord id = identity("a", EXPIRATION);
        active.add(id);
        List<ExpiryStatus> statuses = monitor.check();
        assertThat(statuses).containsExactly(new ExpiryStatus(id.keyId(), EXPIRATION, 100 * TestClock.DAY,
                ExpiryStatus.Level.OK));
        assertThat(gauge(id)).isEqualTo(100 * TestClock.DAY);
        clock.advanceDays(1);
        assertThat(gauge(id)).as("read from the clock at scrape time").isEqualTo(99 * TestClock.DAY);
        assertThat(logs.list).isEmpty();
        assertThat(warnings(id, "expiring")).isZero();
    }

    @Test
    void warnsInsideTheWindowOncePerDayThenErrorsOncePerHourAfterExpiry() {
        PublicKeyRecord id = identity("a", EXPIRATION);
        active.add(id);
        clock.set(EXPIRATION - 30 * TestClock.DAY - 1);
        monitor.check();
        assertThat(logs.list).isEmpty();

        clock.advanceSeconds(1); // exactly 30 days left: inside the window
        assertThat(monitor.check().get(0).level()).isEqualTo(ExpiryStatus.Level.EXPIRING);
        assertThat(logged(Level.WARN)).singleElement().satisfies(e -> assertThat(e.getFormattedMessage())
                .contains(id.keyId().hex()).contains("expires in 30 days 0 hours").contains("next identity"));

        clock.advanceSeconds(TestClock.DAY - 1);
        monitor.check();
        monitor.check();
        assertThat(logged(Level.WARN)).as("not again within the day").hasSize(1);
        clock.advanceSeconds(1);
        monitor.check();
        assertThat(logged(Level.WARN)).hasSize(2);
        assertThat(warnings(id, "expiring")).isEqualTo(2);

        clock.set(EXPIRATION);
        assertThat(monitor.check().get(0).level()).as("usable while now <= expiration")
                .isEqualTo(ExpiryStatus.Level.EXPIRING);
        clock.advanceSeconds(1);
        assertThat(monitor.check().get(0).level()).isEqualTo(ExpiryStatus.Level.EXPIRED);
        assertThat(logged(Level.ERROR)).as("the first expired check errors at once").singleElement()
                .satisfies(e -> assertThat(e.getFormattedMessage()).contains("EXPIRED").contains(id.keyId().hex()));
        assertThat(gauge(id)).isEqualTo(-1);
        clock.advanceSeconds(3_599);
        monitor.check();
        assertThat(logged(Level.ERROR)).hasSize(1);
        clock.advanceSeconds(1);
        monitor.check();
        assertThat(logged(Level.ERROR)).hasSize(2);
        assertThat(warnings(id, "expired")).isEqualTo(2);
    }

    @Test
    void followsARotationGaugesComeAndGoWithTheActiveIdentities() {
        PublicKeyRecord old = identity("old", EXPIRATION);
        PublicKeyRecord fresh = identity("new", EXPIRATION + 365 * TestClock.DAY);
        active.add(old);
        clock.set(EXPIRATION - 10 * TestClock.DAY);
        monitor.check();
        active.add(0, fresh);
        assertThat(monitor.check()).extracting(ExpiryStatus::level)
                .containsExactly(ExpiryStatus.Level.OK, ExpiryStatus.Level.EXPIRING);
        assertThat(gauge(fresh)).isEqualTo(375 * TestClock.DAY);
        active.remove(old);
        monitor.check();
        assertThat(registry.find(ExpiryMonitor.EXPIRY_GAUGE).gauges()).hasSize(1);
        assertThat(registry.find(ExpiryMonitor.EXPIRY_GAUGE).tag("key_id", old.keyId().hex()).gauge()).isNull();
        assertThat(logged(Level.WARN)).as("only the old one ever warned").hasSize(1);
    }

    @Test
    void watchesAStoreAndANarrowerWindow(@TempDir Path dir) throws Exception {
        ShakeEntropy entropy = new ShakeEntropy("monitor-store");
        try (PassphraseUnlock p = Fixtures.passphrase("p");
                IdentityStore store = new IdentityStore(dir.resolve("identity"), IdentityStoreTest.POLICY, clock,
                        entropy)) {
            Identity created = store.create(p, 10);
            ExpiryMonitor narrow = ExpiryMonitor.of(store, clock, ExpiryPolicy.warningWindow(Duration.ofDays(5)),
                    registry);
            assertThat(narrow.check()).extracting(ExpiryStatus::level).containsExactly(ExpiryStatus.Level.OK);
            clock.advanceDays(5);
            assertThat(narrow.check()).extracting(ExpiryStatus::keyId).containsExactly(created.keyId());
            assertThat(logged(Level.WARN)).hasSize(1);
        }
    }

    @Test
    void spansReadWell() {
        assertThat(ExpiryMonitor.span(30 * TestClock.DAY + 3 * 3600)).isEqualTo("30 days 3 hours");
        assertThat(ExpiryMonitor.span(5 * 3600 + 60)).isEqualTo("5 hours 1 minutes");
        assertThat(ExpiryMonitor.span(61)).isEqualTo("1 minutes 1 seconds");
    }
}
