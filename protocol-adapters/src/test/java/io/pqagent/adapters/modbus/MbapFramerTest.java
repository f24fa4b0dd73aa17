package io.pqagent.adapters.modbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class MbapFramerTest {

    private static List<ModbusFrame> drain(MbapFramer framer, byte[] chunk) throws MalformedFrameException {
        framer.feed(chunk);
        List<ModbusFrame> out = new ArrayList<>();
        for (Optional<ModbusFrame> f = framer.next(); f.isPresent(); f = framer.next()) {
            out.add(f.get());
        }
        return out;
    }

    @Test
    void aFrameSplitAcrossChunksIsHeldUntilItsLastByte() throws Exception {
        byte[] adu = Adu.of(0x1234, 1, 3, 0, 10, 0, 5);
        MbapFramer framer = new MbapFramer();
        for (int i = 0; i < adu.length - 1; i++) {
            assertThat(drain(framer, new byte[] {adu[i]})).isEmpty();
            assertThat(framer.buffered()).isEqualTo(i + 1);
        }
        List<ModbusFrame> frames = drain(framer, new byte[] {adu[adu.length - 1]});
        assertThat(frames).hasSize(1);
        ModbusFrame f = frames.get(0);
        assertThat(f.transactionId()).isEqualTo(0x1234);
        assertThat(f.unitId()).isEqualTo(1);
        assertThat(f.functionCode()).isEqualTo(3);
        assertThat(f.pduLength()).isEqualTo(5);
        assertThat(f.toBytes()).isEqualTo(adu);
        assertThat(framer.buffered()).isZero();
    }

    @Test
    void severalFramesInOneChunkComeOutInOrderAndARemainderIsKept() throws Exception {
        byte[] a = Adu.of(1, 1, 3, 0, 0, 0, 1);
        byte[] b = Adu.of(2, 1, 6, 0, 4, 0x12, 0x34);
        byte[] c = Adu.of(3, 1, 4, 0, 0, 0, 2);
        byte[] stream = Adu.concat(a, b, Arrays.copyOf(c, 9));
        MbapFramer framer = new MbapFramer();
        assertThat(drain(framer, stream)).extracting(ModbusFrame::transactionId).containsExactly(1, 2);
        assertThat(framer.buffered()).isEqualTo(9);
        assertThat(drain(framer, Arrays.copyOfRange(c, 9, c.length))).extracting(ModbusFrame::transactionId).containsExactly(3);
    }

    @Test
    void aProtocolIdOtherThanZeroIsMalformedAsSoonAsTheHeaderIsIn() throws Exception {
        MbapFramer framer = new MbapFramer();
        byte[] header = Arrays.copyOf(Adu.withLength(1, 1, 6, 1, 3, 0, 0, 0, 1), 7);
        framer.feed(header);
        assertThatThrownBy(framer::next).isInstanceOf(MalformedFrameException.class).hasMessageContaining("protocol id 1");
    }

    @Test
    void lengthsOutsideTwoTo254AreMalformed() {
        for (int length : new int[] {0, 1, 255, 0xFFFF}) {
            MbapFramer framer = new MbapFramer();
            framer.feed(Adu.withLength(1, 0, length, 1, 3));
            assertThatThrownBy(framer::next).as("length " + length).isInstanceOf(MalformedFrameException.class)
                    .hasMessageContaining("MBAP length " + length);
        }
    }

    @Test
    void theLongestFrameIs260BytesAndPasses() throws Exception {
        int[] pdu = new int[253];
        pdu[0] = 16;
        byte[] adu = Adu.of(9, 1, pdu);
        assertThat(adu).hasSize(MbapHeader.MAX_ADU);
        assertThat(drain(new MbapFramer(), adu)).hasSize(1);
    }

    @Test
    void framesBeforeABrokenHeaderAreStillDeliveredAndTheFramerStaysFailed() throws Exception {
        MbapFramer framer = new MbapFramer();
        framer.feed(Adu.concat(Adu.of(1, 1, 3, 0, 0, 0, 1), Adu.withLength(2, 7, 6, 1, 3, 0, 0, 0, 1)));
        assertThat(framer.next()).isPresent();
        assertThatThrownBy(framer::next).isInstanceOf(MalformedFrameException.class);
        assertThatThrownBy(framer::next).isInstanceOf(MalformedFrameException.class);
    }

    @Test
    void feedingBeforeTheChunkIsDrainedIsAProgrammingError() throws Exception {
        MbapFramer framer = new MbapFramer();
        framer.feed(Adu.of(1, 1, 3, 0, 0, 0, 1));
        assertThatThrownBy(() -> framer.feed(new byte[1])).isInstanceOf(IllegalStateException.class);
    }

    @Property(tries = 200)
    void howTheStreamIsCutDoesNotChangeTheFrames(@ForAll("frames") List<byte[]> frames,
            @ForAll @IntRange(min = 1, max = 300) int chunk) throws Exception {
        byte[] stream = Adu.concat(frames.toArray(byte[][]::new));
        MbapFramer framer = new MbapFramer();
        List<byte[]> out = new ArrayList<>();
        for (int off = 0; off < stream.length; off += chunk) {
            for (ModbusFrame f : drain(framer, Arrays.copyOfRange(stream, off, Math.min(stream.length, off + chunk)))) {
                out.add(f.toBytes());
            }
            assertThat(framer.buffered()).isLessThan(MbapHeader.MAX_ADU);
        }
        assertThat(out).hasSameSizeAs(frames);
        for (int i = 0; i < frames.size(); i++) {
            assertThat(out.get(i)).isEqualTo(frames.get(i));
        }
    }

    @Provide
    Arbitrary<List<byte[]>> frames() {
        Arbitrary<byte[]> frame = Arbitraries.integers().between(1, 253).flatMap(n -> Arbitraries.bytes().array(byte[].class)
                .ofSize(n).map(pdu -> {
                    int[] p = new int[n];
                    for (int i = 0; i < n; i++) {
                        p[i] = pdu[i] & 0xFF;
                    }
                    return Adu.of(n * 7, n % 256, p);
                }));
        return frame.list().ofMinSize(0).ofMaxSize(8);
    }
}
