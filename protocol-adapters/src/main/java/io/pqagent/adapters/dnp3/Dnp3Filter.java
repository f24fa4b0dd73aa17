package io.pqagent.adapters.dnp3;

import io.pqagent.adapters.dnp3.link.LinkEvent;
import io.pqagent.adapters.dnp3.link.LinkFrame;
import io.pqagent.adapters.dnp3.link.LinkFrameReader;
import io.pqagent.adapters.dnp3.link.LinkFunction;
import io.pqagent.adapters.dnp3.policy.Dnp3Policy;
import io.pqagent.adapters.dnp3.policy.RequestCheck;
import io.pqagent.adapters.dnp3.policy.Verdict;
import io.pqagent.adapters.dnp3.transport.Reassembly;
import io.pqagent.agent.filter.FilterOutput;
import io.pqagent.agent.filter.StreamFilter;
import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One DNP3 stream on the outstation's side. From the master: link frames are checked (CRCs, direction,
 * addresses), the segments of each request are reassembled into the whole application fragment, and the
 * fragment is checked against the policy; the original frames go on to the outstation, unchanged and in order,
 * only if it passes. A denied request is dropped (the outstation never sees it; the master's request times
 * out) with a {@code dnp3_request_denied} audit entry. Damaged frames are discarded and counted; a stream that
 * yields no valid frame in {@value #HOPELESS_OCTETS} octets is not DNP3 and is reset. Frames from the
 * outstation pass unchanged.
 */
final class Dnp3Filter implements StreamFilter {
    /** About fourteen largest frames in a row with not one good frame among them. */
    static final int HOPELESS_OCTETS = 4096;
    /** Discards audited one by one per stream; the rest are counted, and the totals go with the reset. */
    static final int AUDITED_DISCARDS = 16;
    /** Link associations with a request in reassembly at once; one master on one TCP stream uses one. */
    static final int MAX_ASSOCIATIONS = 16;

    private final Dnp3Policy policy;
    private final RequestCheck check;
    private final LinkFrameReader reader = new LinkFrameReader();
    private final Map<LinkAssociation, PendingFragment> pending = new LinkedHashMap<>(4, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<LinkAssociation, PendingFragment> eldest) {
            return size() > MAX_ASSOCIATIONS;
        }
    };
    private long framesForwarded;
    private long framesDiscarded;
    private long requestsDenied;
    private long auditedDiscards;
    private int octetsSinceGoodFrame;
    private boolean reset;

    Dnp3Filter(Dnp3Policy policy) {
        this.policy = policy;
        this.check = new RequestCheck(policy);
    }

    @Override
    public void fromOpener(byte[] data, FilterOutput out) {
        if (reset) {
            return;
        }
        reader.feed(data);
        ByteArrayOutputStream toTarget = new ByteArrayOutputStream();
        for (Optional<LinkEvent> e = reader.next(); e.isPresent(); e = reader.next()) {
            if (e.get() instanceof LinkEvent.Received r) {
                octetsSinceGoodFrame = 0;
                onFrame(r, toTarget, out);
            } else if (e.get() instanceof LinkEvent.Discarded d) {
                onDiscard(d, out);
                if (octetsSinceGoodFrame > HOPELESS_OCTETS) {
                    forward(toTarget, out); // what was allowed before the garbage still goes
                    giveUp(out);
                    return;
                }
            }
        }
        forward(toTarget, out);
    }

    @Override
    public void fromTarget(byte[] data, FilterOutput out) {
        out.toOpener(data);
    }

    private void onFrame(LinkEvent.Received r, ByteArrayOutputStream toTarget, FilterOutput out) {
        LinkFrame frame = r.frame();
        Optional<LinkFunction> function = frame.control().function();
        // IEEE 1815 link control octet: DIR = 1 on every frame a master sends
        if (!frame.control().dir()) {
            deny(frame, Verdict.deny("link", "DIR=0: a frame from the master's side claims to come from an outstation"), out);
            return;
        }
        if (function.isEmpty()) {
            deny(frame, Verdict.deny("link", "reserved link function code " + frame.control().functionCode()
                    + " (PRM=" + (frame.control().prm() ? 1 : 0) + ")"), out);
            return;
        }
        if (policy.masters().isPresent() && !policy.masters().get().contains(frame.source())) {
            deny(frame, Verdict.deny(function.get().name(), "link source address " + frame.source() + " is not allowed"), out);
            return;
        }
        if (policy.outstations().isPresent() && !policy.outstations().get().contains(frame.destination())) {
            deny(frame, Verdict.deny(function.get().name(), "link destination address " + frame.destination()
                    + " is not allowed"), out);
            return;
        }
        if (!function.get().carriesUserData()) {
            if (frame.userDataLength() > 0) {
                deny(frame, Verdict.deny(function.get().name(), "link function " + function.get()
                        + " carries no user data, but this frame has " + frame.userDataLength() + " octets"), out);
                return;
            }
            // link-layer services (status requests, resets, acknowledgements) carry no request: they pass
            toTarget.writeBytes(r.raw());
            framesForwarded++;
            return;
        }
        if (frame.userDataLength() == 0) {
            deny(frame, Verdict.deny(function.get().name(), "user data frame without a transport header"), out);
            return;
        }
        onSegment(r, toTarget, out);
    }

    private void onSegment(LinkEvent.Received r, ByteArrayOutputStream toTarget, FilterOutput out) {
        LinkFrame frame = r.frame();
        LinkAssociation association = new LinkAssociation(frame.source(), frame.destination());
        PendingFragment p = pending.computeIfAbsent(association, a -> new PendingFragment(policy.maxFragment()));
        byte[] segment = frame.userData();
        if ((segment[0] & 0x40) != 0 && p.held() > 0) {
            // FIR: the frames of an unfinished fragment go with it (IEEE 1815 transport reassembly)
            discardFragment(frame, p.held(), "unfinished request fragment replaced by a new first segment", out);
            p.drop();
        }
        if (!p.hold(r.raw())) {
            pending.remove(association);
            discardFragment(frame, p.held() + 1, "request fragment frames exceed the bound for max-fragment "
                    + policy.maxFragment(), out);
            return;
        }
        Reassembly result = p.reassembler.accept(segment);
        if (result instanceof Reassembly.Discarded d) {
            discardFragment(frame, p.held(), "transport segment dropped: " + d.reason(), out);
            p.drop();
        } else if (result instanceof Reassembly.Complete c) {
            int count = p.held();
            byte[] frames = p.release();
            Verdict v = check.check(c.fragment());
            if (v.allowed()) {
                toTarget.writeBytes(frames);
                framesForwarded += count;
            } else {
                deny(frame, v, out);
            }
        }
    }

    private void onDiscard(LinkEvent.Discarded d, FilterOutput out) {
        octetsSinceGoodFrame += d.octets();
        if (!d.reason().isFrame()) {
            return; // loose octets are counted toward the hopeless limit; the next frame's discard tells
        }
        framesDiscarded++;
        if (auditedDiscards++ < AUDITED_DISCARDS) {
            out.audit("dnp3_frame_discarded", Map.of("reason", d.reason().name(), "octets", d.octets(),
                    "discarded", framesDiscarded));
        }
    }

    /** {@code frames} held frames (the current one included, where it was held) dropped with their fragment. */
    private void discardFragment(LinkFrame frame, int frames, String reason, FilterOutput out) {
        framesDiscarded += frames;
        if (auditedDiscards++ < AUDITED_DISCARDS) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("reason", reason);
            fields.put("source", frame.source());
            fields.put("destination", frame.destination());
            fields.put("discarded", framesDiscarded);
            out.audit("dnp3_fragment_discarded", fields);
        }
    }

    private void deny(LinkFrame frame, Verdict v, FilterOutput out) {
        requestsDenied++;
        Map<String, Object> fields = new LinkedHashMap<>(v.fields());
        fields.put("source", frame.source());
        fields.put("destination", frame.destination());
        out.audit("dnp3_request_denied", fields);
    }

    private void giveUp(FilterOutput out) {
        reset = true;
        out.audit("dnp3_stream_reset", Map.of("reason", "no valid DNP3 frame in " + octetsSinceGoodFrame + " octets",
                "discarded", framesDiscarded, "forwarded", framesForwarded, "denied", requestsDenied));
        out.reset("not DNP3: no valid link frame in " + octetsSinceGoodFrame + " octets");
    }

    private static void forward(ByteArrayOutputStream toTarget, FilterOutput out) {
        if (toTarget.size() > 0) {
            out.toTarget(toTarget.toByteArray());
            toTarget.reset();
        }
    }

    long framesForwarded() {
        return framesForwarded;
    }

    long framesDiscarded() {
        return framesDiscarded;
    }

    long requestsDenied() {
        return requestsDenied;
    }
}
