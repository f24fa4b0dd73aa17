package io.pqagent.adapters.dnp3.stack;

import io.pqagent.adapters.dnp3.link.LinkEvent;
import io.pqagent.adapters.dnp3.link.LinkFrame;
import io.pqagent.adapters.dnp3.link.LinkFrameReader;
import io.pqagent.adapters.dnp3.transport.Reassembly;
import io.pqagent.adapters.dnp3.transport.TransportReassembler;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Octets from a socket in, whole fragments out, for frames addressed to {@code localAddress} in the expected
 * direction; everything damaged or not for us is dropped and counted, as a DNP3 device does.
 */
public final class FragmentReceiver {
    private final int localAddress;
    private final boolean fromMaster;
    private final int maxFragment;
    private final LinkFrameReader reader = new LinkFrameReader();
    private final Map<Integer, TransportReassembler> bySource = new HashMap<>();
    private long dropped;

    /**
     * @param fromMaster whether the frames we accept come from a master (DIR = 1): true in an outstation
     */
    public FragmentReceiver(int localAddress, boolean fromMaster, int maxFragment) {
        this.localAddress = localAddress;
        this.fromMaster = fromMaster;
        this.maxFragment = maxFragment;
    }

    public List<Inbound> receive(byte[] data, int offset, int length) {
        reader.feed(data, offset, length);
        List<Inbound> out = new ArrayList<>();
        for (Optional<LinkEvent> e = reader.next(); e.isPresent(); e = reader.next()) {
            if (!(e.get() instanceof LinkEvent.Received r)) {
                dropped++;
                continue;
            }
            LinkFrame f = r.frame();
            if (f.destination() != localAddress || f.control().dir() != fromMaster || f.control().function().isEmpty()) {
                dropped++;
                continue;
            }
            if (!f.control().function().get().carriesUserData()) {
                out.add(new Inbound.LinkService(f));
                continue;
            }
            if (bySource.size() >= 64 && !bySource.containsKey(f.source())) {
                bySource.clear(); // a bound on peers; one master or one outstation per connection is the norm
            }
            Reassembly result = bySource.computeIfAbsent(f.source(), s -> new TransportReassembler(maxFragment))
                    .accept(f.userData());
            if (result instanceof Reassembly.Complete c) {
                out.add(new Inbound.Fragment(f.source(), f.destination(), c.fragment()));
            } else if (result instanceof Reassembly.Discarded) {
                dropped++;
            }
        }
        return out;
    }

    /** Frames and segments dropped so far: damaged, not for us, or out of sequence. */
    public long dropped() {
        return dropped;
    }
}
