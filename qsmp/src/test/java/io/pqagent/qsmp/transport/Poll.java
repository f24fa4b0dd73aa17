package io.pqagent.qsmp.transport;

import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits, bounded, for a condition that other threads make true; the bound is a hang guard, not a speed check. */
final class Poll {
    private Poll() {
    }

    static void until(String what, Duration bound, BooleanSupplier condition) throws InterruptedException {
        until(what, bound, condition, () -> "");
    }

    static void until(String what, Duration bound, BooleanSupplier condition, Supplier<String> state)
            throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("not reached within " + bound.toSeconds() + " s: " + what + " " + state.get());
            }
            Thread.sleep(20);
        }
    }
}
