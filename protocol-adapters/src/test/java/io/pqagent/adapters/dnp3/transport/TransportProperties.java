package io.pqagent.adapters.dnp3.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class TransportProperties {

    @Property
    void segmentsReassembleIntoTheFragment(@ForAll @Size(max = 4096) byte[] fragment, @ForAll @IntRange(max = 63) int first) {
        List<byte[]> segments = new TransportSegmenter(first).segment(fragment);
        assertThat(segments).allSatisfy(s -> assertThat(s.length).isBetween(1, 250));
        TransportReassembler r = new TransportReassembler(4096);
        Reassembly last = null;
        for (byte[] s : segments) {
            last = r.accept(s);
        }
        assertThat(((Reassembly.Complete) last).fragment()).isEqualTo(fragment);
    }
}
