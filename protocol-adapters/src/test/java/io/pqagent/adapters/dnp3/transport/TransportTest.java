package io.pqagent.adapters.dnp3.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TransportTest {

    @Test
    void headerBitsFollowTheStandard() {
        assertThat(TransportHeader.decode(0xC5)).isEqualTo(new TransportHeader(true, true, 5));
        assertThat(new TransportHeader(false, true, 63).encode()).isEqualTo(0x7F);
        assertThat(new TransportHeader(true, false, 63).nextSequence()).isZero();
    }

    @Test
    void aFragmentIsCutInto249OctetSegmentsAndReassembled() {
        byte[] fragment = new byte[600];
        new Random(1).nextBytes(fragment);
        TransportSegmenter s = new TransportSegmenter(62);
        List<byte[]> segments = s.segment(fragment);
        assertThat(segments).extracting(b -> b.length).containsExactly(250, 250, 103);
        assertThat(segments).extracting(b -> TransportHeader.decode(b[0] & 0xFF)).containsExactly(
                new TransportHeader(false, true, 62), new TransportHeader(false, false, 63),
                new TransportHeader(true, false, 0));
        TransportReassembler r = new TransportReassembler(2048);
        assertThat(r.accept(segments.get(0))).isInstanceOf(Reassembly.Incomplete.class);
        assertThat(r.accept(segments.get(1))).isInstanceOf(Reassembly.Incomplete.class);
        Reassembly last = r.accept(segments.get(2));
        assertThat(((Reassembly.Complete) last).fragment()).isEqualTo(fragment);
        assertThat(s.segment(new byte[0])).singleElement().satisfies(b -> assertThat(b).containsExactly(0xC1));
    }

    @Test
    void aLostSegmentDropsTheFragment() {
        List<byte[]> segments = new TransportSegmenter(0).segment(new byte[600]);
        TransportReassembler r = new TransportReassembler(2048);
        r.accept(segments.get(0));
        assertThat(r.accept(segments.get(2))).isEqualTo(new Reassembly.Discarded(SegmentDiscard.SEQUENCE_GAP));
        assertThat(r.inProgress()).isFalse();
        assertThat(r.accept(segments.get(1))).isEqualTo(new Reassembly.Discarded(SegmentDiscard.NO_FIRST_SEGMENT));
    }

    @Test
    void aNewFirstSegmentReplacesAnUnfinishedFragment() {
        TransportReassembler r = new TransportReassembler(2048);
        r.accept(new byte[] {0x40, 1, 2});
        Reassembly done = r.accept(new byte[] {(byte) 0xC7, 9});
        assertThat(((Reassembly.Complete) done).fragment()).containsExactly(9);
        assertThat(r.abandoned()).isEqualTo(1);
    }

    @Test
    void aFragmentBeyondTheLimitIsDroppedWhole() {
        TransportReassembler r = new TransportReassembler(300);
        List<byte[]> segments = new TransportSegmenter(0).segment(new byte[301]);
        assertThat(r.accept(segments.get(0))).isInstanceOf(Reassembly.Incomplete.class);
        assertThat(r.accept(segments.get(1))).isEqualTo(new Reassembly.Discarded(SegmentDiscard.FRAGMENT_TOO_LARGE));
        assertThat(r.accept(new byte[0])).isEqualTo(new Reassembly.Discarded(SegmentDiscard.EMPTY));
    }

    @Test
    void segmentsCarryTheSequenceOnAcrossFragments() {
        TransportSegmenter s = new TransportSegmenter(0);
        ByteArrayOutputStream seqs = new ByteArrayOutputStream();
        for (int i = 0; i < 70; i++) {
            seqs.write(TransportHeader.decode(s.segment(new byte[] {1}).get(0)[0] & 0xFF).sequence());
        }
        assertThat(seqs.toByteArray()[64]).isZero();
        assertThat(seqs.toByteArray()[69]).isEqualTo((byte) 5);
    }
}
