package io.pqagent.adapters.dnp3.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LinkFrameReaderTest {
    private static final LinkFrame A = new LinkFrame(LinkControl.of(true, LinkFunction.UNCONFIRMED_USER_DATA), 10, 1,
            new byte[] {(byte) 0xC0, (byte) 0xC0, 0x01, 0x3C, 0x02, 0x06});
    private static final LinkFrame B = new LinkFrame(LinkControl.of(true, LinkFunction.REQUEST_LINK_STATUS), 10, 1,
            new byte[0]);
    private static final LinkFrame BIG = new LinkFrame(LinkControl.of(false, LinkFunction.UNCONFIRMED_USER_DATA), 1, 10,
            new byte[200]);

    @Test
    void readsBackToBackFramesWithTheirExactOctets() {
        List<LinkEvent> events = readAll(concat(A.encode(), B.encode(), BIG.encode()), Integer.MAX_VALUE);
        assertThat(events).hasSize(3);
        assertThat(((LinkEvent.Received) events.get(0)).frame()).isEqualTo(A);
        assertThat(((LinkEvent.Received) events.get(0)).raw()).isEqualTo(A.encode());
        assertThat(((LinkEvent.Received) events.get(1)).frame()).isEqualTo(B);
        assertThat(((LinkEvent.Received) events.get(2)).frame()).isEqualTo(BIG);
    }

    @Test
    void octetByOctetGivesTheSameFramesAsWhole() {
        byte[] stream = concat(new byte[] {0x05, 0x00, 0x64}, A.encode(), corruptData(BIG.encode()), B.encode());
        assertThat(readAll(stream, 1)).usingRecursiveComparison().isEqualTo(readAll(stream, Integer.MAX_VALUE));
    }

    @Test
    void skipsNoiseBeforeAFrame() {
        List<LinkEvent> events = readAll(concat(new byte[] {1, 2, 3, 0x05}, A.encode()), Integer.MAX_VALUE);
        assertThat(events.get(0)).isEqualTo(new LinkEvent.Discarded(LinkDiscard.NO_START_OCTETS, 4));
        assertThat(((LinkEvent.Received) events.get(1)).frame()).isEqualTo(A);
    }

    @Test
    void aBadHeaderCrcSkipsOnlyTheStartOctetsAndFindsTheNextFrame() {
        byte[] bad = A.encode();
        bad[8] ^= 0x01;
        List<LinkEvent> events = readAll(concat(bad, B.encode()), Integer.MAX_VALUE);
        assertThat(events.get(0)).isEqualTo(new LinkEvent.Discarded(LinkDiscard.BAD_HEADER_CRC, 2));
        assertThat(events.get(1)).isInstanceOf(LinkEvent.Discarded.class); // the rest of the damaged frame
        assertThat(events.get(events.size() - 1)).isInstanceOf(LinkEvent.Received.class);
        assertThat(((LinkEvent.Received) events.get(events.size() - 1)).frame()).isEqualTo(B);
    }

    @Test
    void aLengthBelowFiveWithAGoodCrcIsDiscardedAsImpossible() {
        byte[] header = {0x05, 0x64, 0x04, (byte) 0xC9, 0x0A, 0x00, 0x01, 0x00, 0, 0};
        Crc16Dnp.append(header, 0, 8);
        List<LinkEvent> events = readAll(concat(header, B.encode()), Integer.MAX_VALUE);
        assertThat(events.get(0)).isEqualTo(new LinkEvent.Discarded(LinkDiscard.BAD_LENGTH, 10));
        assertThat(((LinkEvent.Received) events.get(1)).frame()).isEqualTo(B);
    }

    @Test
    void aBadDataCrcDropsTheWholeFrameAndKeepsTheNext() {
        List<LinkEvent> events = readAll(concat(corruptData(BIG.encode()), A.encode()), Integer.MAX_VALUE);
        assertThat(events.get(0)).isEqualTo(new LinkEvent.Discarded(LinkDiscard.BAD_DATA_CRC, BIG.encode().length));
        assertThat(((LinkEvent.Received) events.get(1)).frame()).isEqualTo(A);
    }

    @Test
    void waitsForTheRestOfAFrame() {
        LinkFrameReader r = new LinkFrameReader();
        byte[] wire = BIG.encode();
        r.feed(wire, 0, 100);
        assertThat(r.next()).isEmpty();
        assertThat(r.buffered()).isEqualTo(100);
        r.feed(wire, 100, wire.length - 100);
        assertThat(r.next()).containsInstanceOf(LinkEvent.Received.class);
        assertThat(r.buffered()).isZero();
    }

    private static byte[] corruptData(byte[] frame) {
        byte[] out = frame.clone();
        out[30] ^= 0x40;
        return out;
    }

    static List<LinkEvent> readAll(byte[] stream, int chunk) {
        LinkFrameReader r = new LinkFrameReader();
        List<LinkEvent> out = new ArrayList<>();
        for (int off = 0; off < stream.length; off += chunk) {
            r.feed(stream, off, Math.min(chunk, stream.length - off));
            for (Optional<LinkEvent> e = r.next(); e.isPresent(); e = r.next()) {
                out.add(e.get());
            }
        }
        return merged(out);
    }

    /** Adjacent runs of loose octets merged, so how the stream was cut does not change the list. */
    private static List<LinkEvent> merged(List<LinkEvent> events) {
        List<LinkEvent> out = new ArrayList<>();
        for (LinkEvent e : events) {
            if (e instanceof LinkEvent.Discarded d && d.reason() == LinkDiscard.NO_START_OCTETS && !out.isEmpty()
                    && out.get(out.size() - 1) instanceof LinkEvent.Discarded p && p.reason() == LinkDiscard.NO_START_OCTETS) {
                out.set(out.size() - 1, new LinkEvent.Discarded(LinkDiscard.NO_START_OCTETS, p.octets() + d.octets()));
            } else {
                out.add(e);
            }
        }
        return out;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
