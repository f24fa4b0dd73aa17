package io.pqagent.adapters.dnp3.outstation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Events in order of occurrence, until confirmed (IEEE 1815 event reporting): a response that reports events asks for
 * confirmation (CON); its CONFIRM with the same sequence number removes them. Events reported but not
 * confirmed before the next request are reported again.
 */
final class EventBuffer {
    private final int capacity;
    private final List<BufferedEvent> events = new ArrayList<>();
    private final Set<BufferedEvent> awaitingConfirm = new LinkedHashSet<>();
    private int confirmSequence = -1;
    private boolean overflow;

    EventBuffer(int capacity) {
        this.capacity = capacity;
    }

    void add(BufferedEvent e) {
        if (events.size() == capacity) {
            BufferedEvent lost = events.remove(0);
            awaitingConfirm.remove(lost);
            overflow = true;
        }
        events.add(e);
    }

    /** Events matching {@code which}, oldest first. */
    List<BufferedEvent> pending(Predicate<BufferedEvent> which) {
        return events.stream().filter(which).toList();
    }

    /** The events of {@code reported} now wait for a CONFIRM with {@code sequence}. */
    void reported(List<BufferedEvent> reported, int sequence) {
        awaitingConfirm.clear();
        awaitingConfirm.addAll(reported);
        confirmSequence = reported.isEmpty() ? -1 : sequence;
    }

    /** A CONFIRM: removes the events it confirms, if its sequence number is the awaited one. */
    boolean confirm(int sequence) {
        if (sequence != confirmSequence) {
            return false;
        }
        events.removeAll(awaitingConfirm);
        awaitingConfirm.clear();
        confirmSequence = -1;
        overflow = false;
        return true;
    }

    /** A new request ends the wait: what was reported and not confirmed stays pending. */
    void newRequest() {
        awaitingConfirm.clear();
        confirmSequence = -1;
    }

    boolean hasClass(int eventClass, Set<BufferedEvent> except) {
        return events.stream().anyMatch(e -> e.type().eventClass == eventClass && !except.contains(e));
    }

    boolean overflow() {
        return overflow;
    }
}
