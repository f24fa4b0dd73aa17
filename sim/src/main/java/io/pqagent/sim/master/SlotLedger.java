package io.pqagent.sim.master;

import java.util.ArrayList;
import java.util.List;

/**
 * One master's account of the writes it made through its command slot, and the check of every count the
 * device reports for that slot against it. A device count below the acknowledged writes means a write the
 * master saw acknowledged was lost; above acknowledged plus unknown means a write was carried out twice
 * (or one the device refused was carried out anyway). Unknown outcomes (the connection broke mid-request)
 * widen the window by one each, because either answer is then correct.
 */
public final class SlotLedger {
    private long acknowledged;
    private long refused;
    private long unknown;
    private long checks;
    private final List<String> violations = new ArrayList<>();

    public synchronized void record(WriteOutcome outcome) {
        switch (outcome) {
            case ACKNOWLEDGED -> acknowledged++;
            case REFUSED -> refused++;
            case UNKNOWN -> unknown++;
        }
    }

    /**
     * Checks a count the device reported while no write of this master was in flight; returns whether it
     * is consistent, and records a violation (at most 20 are kept) when not.
     */
    public synchronized boolean check(long deviceCount, String where) {
        checks++;
        if (deviceCount < acknowledged) {
            violation(where + ": the device counts " + deviceCount + " commands but " + acknowledged
                    + " were acknowledged (a lost write)");
            return false;
        }
        if (deviceCount > acknowledged + unknown) {
            violation(where + ": the device counts " + deviceCount + " commands, more than the " + acknowledged
                    + " acknowledged and " + unknown + " unanswered (a duplicated write)");
            return false;
        }
        return true;
    }

    /** Records a read-after-write that did not show the write. */
    public synchronized void inconsistent(String text) {
        checks++;
        violation(text);
    }

    private void violation(String text) {
        if (violations.size() < 20) {
            violations.add(text);
        } else if (violations.size() == 20) {
            violations.add("(further violations not listed)");
        }
    }

    public synchronized long acknowledged() {
        return acknowledged;
    }

    public synchronized long refused() {
        return refused;
    }

    public synchronized long unknown() {
        return unknown;
    }

    public synchronized long checks() {
        return checks;
    }

    public synchronized List<String> violations() {
        return List.copyOf(violations);
    }
}
