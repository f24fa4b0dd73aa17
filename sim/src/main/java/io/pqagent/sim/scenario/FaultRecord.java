package io.pqagent.sim.scenario;

import java.util.List;

/**
 * One event as it happened: when it started, when the disruption ended (the restart, the restored link,
 * the end of the flood, the retired key), when the plant had recovered (every affected tunnel up and every
 * affected master through it answered again), and what was noted on the way. Times are
 * {@link System#nanoTime()}; 0 means "not (yet)".
 */
final class FaultRecord {
    final Scenario.Event event;
    final List<List<String>> tunnels;
    final List<String> masters;
    volatile boolean expectsRecovery;
    volatile long startNanos;
    volatile long clearedNanos;
    volatile long recoveredNanos;
    volatile long cutOffNanos;
    volatile String note = "";
    volatile String failure = "";

    FaultRecord(Scenario.Event event, List<List<String>> tunnels, List<String> masters, boolean expectsRecovery) {
        this.event = event;
        this.tunnels = List.copyOf(tunnels);
        this.masters = List.copyOf(masters);
        this.expectsRecovery = expectsRecovery;
    }

    boolean pending() {
        return expectsRecovery && failure.isEmpty() && (clearedNanos == 0 || recoveredNanos == 0);
    }
}
