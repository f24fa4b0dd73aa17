package io.pqagent.adapters.dnp3.outstation;

import io.pqagent.adapters.dnp3.link.LinkFunction;
import io.pqagent.adapters.dnp3.stack.FragmentReceiver;
import io.pqagent.adapters.dnp3.stack.FragmentSender;
import io.pqagent.adapters.dnp3.stack.Inbound;
import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One connection's link and transport for an {@link Outstation}, without I/O: octets from the master in,
 * octets to send back out. Link service requests are answered here (REQUEST_LINK_STATUS with LINK_STATUS,
 * RESET_LINK_STATES and TEST_LINK_STATES with ACK); user data frames become fragments for the outstation.
 */
public final class OutstationLink {
    private final Outstation outstation;
    private final FragmentReceiver receiver;
    private final Map<Integer, FragmentSender> senders = new HashMap<>();

    public OutstationLink(Outstation outstation) {
        this.outstation = outstation;
        OutstationConfig c = outstation.config();
        this.receiver = new FragmentReceiver(c.address(), true, c.maxFragment());
    }

    public byte[] receive(byte[] data, int offset, int length) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Inbound in : receiver.receive(data, offset, length)) {
            if (in instanceof Inbound.LinkService s) {
                replyFor(s.frame().control().function().orElseThrow()).ifPresent(f ->
                        out.writeBytes(sender(s.frame().source()).linkFrame(f)));
            } else if (in instanceof Inbound.Fragment f) {
                outstation.handle(f.fragment()).ifPresent(response -> out.writeBytes(sender(f.source()).frames(response)));
            }
        }
        return out.toByteArray();
    }

    private FragmentSender sender(int master) {
        if (senders.size() >= 64 && !senders.containsKey(master)) {
            senders.clear();
        }
        return senders.computeIfAbsent(master, m -> new FragmentSender(false, outstation.config().address(), m));
    }

    /** IEEE 1815 link services: the secondary station's answer to each primary link service. */
    private static Optional<LinkFunction> replyFor(LinkFunction request) {
        return switch (request) {
            case REQUEST_LINK_STATUS -> Optional.of(LinkFunction.LINK_STATUS);
            case RESET_LINK_STATES, TEST_LINK_STATES -> Optional.of(LinkFunction.ACK);
            default -> Optional.empty(); // secondary frames from the master need no answer
        };
    }
}
