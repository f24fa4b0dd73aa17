package io.pqagent.adapters.dnp3;

import io.pqagent.adapters.dnp3.link.LinkFrame;
import io.pqagent.adapters.dnp3.transport.TransportReassembler;
import java.io.ByteArrayOutputStream;

/**
 * A request fragment being reassembled by the filter, with the link frames that carried it so far exactly as
 * they arrived: they are forwarded unchanged, all together, once the whole fragment is allowed.
 */
final class PendingFragment {
    final TransportReassembler reassembler;
    private final int maxHeld;
    private final ByteArrayOutputStream frames = new ByteArrayOutputStream();
    private int held;

    PendingFragment(int maxFragment) {
        this.reassembler = new TransportReassembler(maxFragment);
        // the frames of an honest fragment of n octets take about 1.2 n; twice that also bounds a sender
        // that keeps sending segments with no application octets in them
        this.maxHeld = 2 * maxFragment + LinkFrame.MAX_FRAME_SIZE;
    }

    /** Holds a frame; false if that would exceed the bound (the caller drops the fragment). */
    boolean hold(byte[] raw) {
        if (frames.size() + raw.length > maxHeld) {
            return false;
        }
        frames.write(raw, 0, raw.length);
        held++;
        return true;
    }

    /** How many frames are held. */
    int held() {
        return held;
    }

    byte[] release() {
        byte[] out = frames.toByteArray();
        drop();
        return out;
    }

    void drop() {
        frames.reset();
        held = 0;
    }
}
