package io.pqagent.directory.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.pqagent.directory.record.SignedRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A subscription listener that keeps what it was given. {@link #awaitAtLeast} waits a bounded time for
 * deliveries: it checks that they happen, not how fast (the bound only keeps a broken build from hanging).
 */
final class Received implements Consumer<SignedRecord> {
    static final long DELIVERY_BOUND_MILLIS = 10_000;

    private final List<SignedRecord> records = new ArrayList<>();

    @Override
    public synchronized void accept(SignedRecord record) {
        records.add(record);
        notifyAll();
    }

    synchronized List<SignedRecord> records() {
        return List.copyOf(records);
    }

    /** Waits until {@code n} records arrived; what arrived by then. */
    synchronized List<SignedRecord> awaitAtLeast(int n) throws InterruptedException {
        long deadline = System.nanoTime() + DELIVERY_BOUND_MILLIS * 1_000_000;
        while (records.size() < n) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                break;
            }
            wait(left);
        }
        assertThat(records).as("records delivered to the subscriber").hasSizeGreaterThanOrEqualTo(n);
        return List.copyOf(records);
    }

    /** Waits until {@code record} arrived (the same body); everything delivered by then. */
    synchronized List<SignedRecord> awaitRecord(SignedRecord record) throws InterruptedException {
        long deadline = System.nanoTime() + DELIVERY_BOUND_MILLIS * 1_000_000;
        while (records.stream().noneMatch(record::sameBodyAs)) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                break;
            }
            wait(left);
        }
        assertThat(records).as("records delivered to the subscriber").anyMatch(record::sameBodyAs);
        return List.copyOf(records);
    }
}
