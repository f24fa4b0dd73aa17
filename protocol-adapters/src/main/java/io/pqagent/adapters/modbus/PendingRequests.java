package io.pqagent.adapters.modbus;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Optional;

/**
 * The requests of one stream forwarded to the PLC and not yet answered, oldest first, so each response
 * can be matched to its request by transaction id (MB-TCP §4.2 lets a client have several in flight,
 * answered in any order). Bounded: a PLC that never answers some requests cannot grow it without limit;
 * past {@link #MAX_PENDING} the oldest is forgotten, and a late answer to it is then unsolicited.
 */
final class PendingRequests {
    /** Far above what Modbus/TCP servers accept in flight per connection (typically 1..16). */
    static final int MAX_PENDING = 256;

    private final ArrayDeque<ParsedRequest> pending = new ArrayDeque<>();

    void add(ParsedRequest request) {
        if (pending.size() == MAX_PENDING) {
            pending.removeFirst();
        }
        pending.addLast(request);
    }

    /** Removes and returns the oldest pending request with this transaction id. */
    Optional<ParsedRequest> take(int transactionId) {
        for (Iterator<ParsedRequest> it = pending.iterator(); it.hasNext();) {
            ParsedRequest r = it.next();
            if (r.frame().transactionId() == transactionId) {
                it.remove();
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    int size() {
        return pending.size();
    }
}
