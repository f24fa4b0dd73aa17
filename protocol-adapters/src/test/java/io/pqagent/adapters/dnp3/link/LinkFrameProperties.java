package io.pqagent.adapters.dnp3.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class LinkFrameProperties {

    @Property
    void everyFrameReadsBackAsItselfHoweverTheStreamIsCut(@ForAll @IntRange(max = 255) int control,
            @ForAll @IntRange(max = 0xFFFF) int destination, @ForAll @IntRange(max = 0xFFFF) int source,
            @ForAll @Size(max = 250) byte[] userData, @ForAll @IntRange(min = 1, max = 300) int chunk) {
        LinkFrame f = new LinkFrame(LinkControl.decode(control), destination, source, userData);
        byte[] wire = f.encode();
        assertThat(wire).hasSize(LinkFrame.wireSize(userData.length));
        List<LinkEvent> events = LinkFrameReaderTest.readAll(LinkFrameReaderTest.concat(wire, wire), chunk);
        assertThat(events).hasSize(2).allSatisfy(e -> {
            assertThat(((LinkEvent.Received) e).frame()).isEqualTo(f);
            assertThat(((LinkEvent.Received) e).raw()).isEqualTo(wire);
        });
    }

    @Property
    void anyFlippedBitIsCaughtAndTheNextFrameSurvives(@ForAll @Size(min = 1, max = 250) byte[] userData,
            @ForAll @IntRange(max = 10_000) int bitSeed) {
        LinkFrame f = new LinkFrame(LinkControl.of(true, LinkFunction.UNCONFIRMED_USER_DATA), 10, 1, userData);
        byte[] damaged = f.encode();
        int bit = bitSeed % (damaged.length * 8 - 16) + 16; // not in the start octets: those are resynchronised on
        damaged[bit / 8] ^= (byte) (1 << (bit % 8));
        LinkFrame next = new LinkFrame(LinkControl.of(true, LinkFunction.REQUEST_LINK_STATUS), 10, 1, new byte[0]);
        List<LinkEvent> events = LinkFrameReaderTest.readAll(LinkFrameReaderTest.concat(damaged, next.encode()), 7);
        assertThat(events).filteredOn(e -> e instanceof LinkEvent.Received).extracting(e -> ((LinkEvent.Received) e).frame())
                .as("the damaged frame is never delivered; the next one is").containsExactly(next);
    }
}
