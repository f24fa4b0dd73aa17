package io.pqagent.adapters.dnp3;

import io.pqagent.adapters.testing.RecordingOutput;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.pqagent.adapters.dnp3.app.AppParseException;
import io.pqagent.adapters.dnp3.app.AppRequest;
import io.pqagent.adapters.dnp3.app.AppResponse;
import io.pqagent.adapters.dnp3.link.LinkEvent;
import io.pqagent.adapters.dnp3.link.LinkFrame;
import io.pqagent.adapters.dnp3.link.LinkFrameReader;
import io.pqagent.adapters.dnp3.outstation.MemoryDataModel;
import io.pqagent.adapters.dnp3.outstation.Outstation;
import io.pqagent.adapters.dnp3.outstation.OutstationConfig;
import io.pqagent.adapters.dnp3.outstation.OutstationLink;
import io.pqagent.adapters.dnp3.policy.PolicyReader;
import io.pqagent.adapters.dnp3.transport.Reassembly;
import io.pqagent.adapters.dnp3.transport.TransportReassembler;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Untrusted octets into every DNP3 parser: only {@link AppParseException} may come out of the decoders, the
 * link reader and the filter must not depend on how the stream was cut, and the filter only ever forwards
 * whole frames with good CRCs. Regression inputs live in {@code Dnp3FuzzTestInputs/<method>}; run longer
 * by hand with {@code JAZZER_FUZZ=1}.
 */
class Dnp3FuzzTest {
    private static final Map<String, Object> POLICY = Map.of(
            "allow", List.of("READ", "WRITE"),
            "allow-objects", List.of(Map.of("functions", List.of("SELECT", "OPERATE", "DIRECT_OPERATE"), "group", 12,
                    "indexes", List.of("0-3", 9))),
            "max-fragment", 600);

    @FuzzTest
    void linkTransportAndApplicationParsersOnlyFailWithParseErrors(byte[] input) {
        List<LinkEvent> whole = frames(input, Math.max(1, input.length));
        assertThat(frames(input, 1)).as("cut octet by octet").usingRecursiveComparison().isEqualTo(merged(whole));
        TransportReassembler reassembler = new TransportReassembler(2048);
        List<byte[]> fragments = new ArrayList<>(List.of(input));
        for (LinkEvent e : whole) {
            if (e instanceof LinkEvent.Received r) {
                assertThat(r.frame().encode()).as("a delivered frame re-encodes to its octets").isEqualTo(r.raw());
                if (reassembler.accept(r.frame().userData()) instanceof Reassembly.Complete c) {
                    assertThat(c.fragment().length).isLessThanOrEqualTo(2048);
                    fragments.add(c.fragment());
                }
            }
        }
        for (byte[] fragment : fragments) {
            try {
                AppRequest.decode(fragment);
            } catch (AppParseException expected) {
                // a clear error is the point
            }
            try {
                AppResponse.decode(fragment);
            } catch (AppParseException expected) {
                // likewise
            }
        }
    }

    @FuzzTest
    void theFilterForwardsOnlyWholeGoodFramesHoweverTheStreamIsCut(byte[] input) {
        RecordingOutput whole = new RecordingOutput();
        new Dnp3FilterProvider().open(new io.pqagent.agent.filter.FilterContext("fuzz", "peer", POLICY))
                .fromOpener(input, whole);
        RecordingOutput bytewise = new RecordingOutput();
        var f = new Dnp3FilterProvider().open(new io.pqagent.agent.filter.FilterContext("fuzz", "peer", POLICY));
        for (byte b : input) {
            f.fromOpener(new byte[] {b}, bytewise);
        }
        assertThat(bytewise.toTarget.toByteArray()).isEqualTo(whole.toTarget.toByteArray());
        assertThat(bytewise.resets).hasSameSizeAs(whole.resets);
        LinkFrameReader check = new LinkFrameReader();
        check.feed(whole.toTarget.toByteArray());
        for (Optional<LinkEvent> e = check.next(); e.isPresent(); e = check.next()) {
            assertThat(e.get()).isInstanceOf(LinkEvent.Received.class);
        }
        assertThat(check.buffered()).isZero();
        PolicyReader.read("fuzz", POLICY); // the policy itself is valid
    }

    @FuzzTest
    void theOutstationAnswersAnyOctetsWithoutThrowing(byte[] input) {
        MemoryDataModel model = new MemoryDataModel(4, 2, 2, 4);
        Outstation outstation = new Outstation(OutstationConfig.defaults(10), model, Clock.systemUTC());
        outstation.handle(input);
        byte[] out = new OutstationLink(outstation).receive(input, 0, input.length);
        LinkFrameReader check = new LinkFrameReader();
        check.feed(out);
        for (Optional<LinkEvent> e = check.next(); e.isPresent(); e = check.next()) {
            assertThat(e.get()).isInstanceOf(LinkEvent.Received.class);
            assertThat(((LinkEvent.Received) e.get()).raw().length).isLessThanOrEqualTo(LinkFrame.MAX_FRAME_SIZE);
        }
    }

    private static List<LinkEvent> frames(byte[] input, int chunk) {
        LinkFrameReader r = new LinkFrameReader();
        List<LinkEvent> out = new ArrayList<>();
        for (int off = 0; off < input.length; off += chunk) {
            r.feed(input, off, Math.min(chunk, input.length - off));
            for (Optional<LinkEvent> e = r.next(); e.isPresent(); e = r.next()) {
                out.add(e.get());
            }
        }
        return merged(out);
    }

    /** Runs of loose octets merged: the reader reports them per chunk. */
    private static List<LinkEvent> merged(List<LinkEvent> events) {
        List<LinkEvent> out = new ArrayList<>();
        for (LinkEvent e : events) {
            if (e instanceof LinkEvent.Discarded d && d.reason() == io.pqagent.adapters.dnp3.link.LinkDiscard.NO_START_OCTETS
                    && !out.isEmpty() && out.get(out.size() - 1) instanceof LinkEvent.Discarded p
                    && p.reason() == io.pqagent.adapters.dnp3.link.LinkDiscard.NO_START_OCTETS) {
                out.set(out.size() - 1, new LinkEvent.Discarded(d.reason(), p.octets() + d.octets()));
            } else {
                out.add(e);
            }
        }
        return out;
    }
}
