package io.pqagent.keystore;

import io.pqagent.qsmp.wire.Clock;
import java.util.concurrent.atomic.AtomicLong;

/** A protocol clock the test moves by hand. */
final class TestClock implements Clock {
    static final long DAY = 86_400L;
    /** 2026-01-01 00:00:00 UTC. */
    static final long START = 1_767_225_600L;

    private final AtomicLong now;

    TestClock() {
        this(START);
    }

    TestClock(long start) {
        this.now = new AtomicLong(start);
    }

    @Override
    public long utcSeconds() {
        return now.get();
    }

    void advanceDays(long days) {
        now.addAndGet(days * DAY);
    }

    void advanceSeconds(long seconds) {
        now.addAndGet(seconds);
    }

    void set(long utcSeconds) {
        now.set(utcSeconds);
    }
}
