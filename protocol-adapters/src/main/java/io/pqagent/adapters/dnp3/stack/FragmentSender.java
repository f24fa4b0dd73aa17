package io.pqagent.adapters.dnp3.stack;

import io.pqagent.adapters.dnp3.link.LinkControl;
import io.pqagent.adapters.dnp3.link.LinkFrame;
import io.pqagent.adapters.dnp3.link.LinkFunction;
import io.pqagent.adapters.dnp3.transport.TransportSegmenter;
import java.io.ByteArrayOutputStream;

/**
 * Sends application fragments from one end of a link association to the other as UNCONFIRMED_USER_DATA
 * frames (no link-layer confirmation, as DNP3 over TCP normally runs), keeping the transport sequence.
 */
public final class FragmentSender {
    private final boolean fromMaster;
    private final int source;
    private final int destination;
    private final TransportSegmenter segmenter = new TransportSegmenter(0);

    public FragmentSender(boolean fromMaster, int source, int destination) {
        this.fromMaster = fromMaster;
        this.source = source;
        this.destination = destination;
    }

    /** The frames carrying {@code fragment}, back to back, ready for the socket. */
    public byte[] frames(byte[] fragment) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] segment : segmenter.segment(fragment)) {
            out.writeBytes(new LinkFrame(LinkControl.of(fromMaster, LinkFunction.UNCONFIRMED_USER_DATA), destination,
                    source, segment).encode());
        }
        return out.toByteArray();
    }

    /** A header-only frame answering a link service request (e.g. LINK_STATUS for REQUEST_LINK_STATUS). */
    public byte[] linkFrame(LinkFunction function) {
        return new LinkFrame(LinkControl.of(fromMaster, function), destination, source, new byte[0]).encode();
    }
}
