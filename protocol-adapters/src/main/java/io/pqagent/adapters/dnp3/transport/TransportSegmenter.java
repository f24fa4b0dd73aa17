package io.pqagent.adapters.dnp3.transport;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts application fragments into transport segments for one direction of one link association, carrying
 * the sequence number on from fragment to fragment (IEEE 1815 transport sequence).
 */
public final class TransportSegmenter {
    private int sequence;

    public TransportSegmenter(int firstSequence) {
        this.sequence = new TransportHeader(false, false, firstSequence).sequence();
    }

    /** The segments (each: header octet + payload) that carry {@code fragment}; an empty fragment is one segment. */
    public List<byte[]> segment(byte[] fragment) {
        List<byte[]> out = new ArrayList<>();
        int off = 0;
        do {
            int n = Math.min(TransportHeader.MAX_SEGMENT_PAYLOAD, fragment.length - off);
            TransportHeader h = new TransportHeader(off + n == fragment.length, off == 0, sequence);
            byte[] segment = new byte[1 + n];
            segment[0] = (byte) h.encode();
            System.arraycopy(fragment, off, segment, 1, n);
            out.add(segment);
            sequence = h.nextSequence();
            off += n;
        } while (off < fragment.length);
        return out;
    }
}
