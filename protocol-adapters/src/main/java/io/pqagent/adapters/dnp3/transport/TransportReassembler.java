package io.pqagent.adapters.dnp3.transport;

import java.io.ByteArrayOutputStream;

/**
 * Rebuilds application fragments from the segments of one link association (IEEE 1815 transport reassembly): FIR starts a
 * fragment (dropping any unfinished one), each further segment must carry the next sequence number, FIN ends
 * it. A fragment is never allowed to grow past {@code maxFragment} octets.
 */
public final class TransportReassembler {
    private final int maxFragment;
    private ByteArrayOutputStream partial;
    private int expectedSequence;
    private long abandoned;

    public TransportReassembler(int maxFragment) {
        if (maxFragment < 1) {
            throw new IllegalArgumentException("maximum fragment size " + maxFragment + " is not positive");
        }
        this.maxFragment = maxFragment;
    }

    /** Takes the user data of one link frame (transport header + payload). */
    public Reassembly accept(byte[] segment) {
        if (segment.length == 0) {
            return discard(SegmentDiscard.EMPTY);
        }
        TransportHeader h = TransportHeader.decode(segment[0] & 0xFF);
        if (h.fir()) {
            if (partial != null) {
                abandoned++; // IEEE 1815 transport reassembly: a new first segment replaces an unfinished fragment
            }
            partial = new ByteArrayOutputStream();
        } else if (partial == null) {
            return discard(SegmentDiscard.NO_FIRST_SEGMENT);
        } else if (h.sequence() != expectedSequence) {
            return discard(SegmentDiscard.SEQUENCE_GAP);
        }
        if (partial.size() + segment.length - 1 > maxFragment) {
            return discard(SegmentDiscard.FRAGMENT_TOO_LARGE);
        }
        partial.write(segment, 1, segment.length - 1);
        expectedSequence = h.nextSequence();
        if (!h.fin()) {
            return new Reassembly.Incomplete();
        }
        byte[] fragment = partial.toByteArray();
        partial = null;
        return new Reassembly.Complete(fragment);
    }

    /** Whether a fragment has begun and not yet ended. */
    public boolean inProgress() {
        return partial != null;
    }

    /** Unfinished fragments replaced by a new first segment. */
    public long abandoned() {
        return abandoned;
    }

    private Reassembly discard(SegmentDiscard reason) {
        partial = null;
        return new Reassembly.Discarded(reason);
    }
}
