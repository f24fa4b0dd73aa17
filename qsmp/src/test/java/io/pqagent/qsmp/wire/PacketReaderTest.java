package io.pqagent.qsmp.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PacketReaderTest {

    private static Packet data(long seq, int len) {
        byte[] payload = new byte[len];
        for (int i = 0; i < len; i++) {
            payload[i] = (byte) (i * 7 + seq);
        }
        return Packet.of(Flag.ENCRYPTED_MESSAGE, seq, 1_760_000_000L, payload);
    }

    private static List<Packet> drain(PacketReader reader) throws QsmpException {
        List<Packet> out = new ArrayList<>();
        for (Optional<Packet> p = reader.next(); p.isPresent(); p = reader.next()) {
            out.add(p.get());
        }
        return out;
    }

    private static byte[] concat(List<Packet> packets) {
        ByteArrayOutputStream s = new ByteArrayOutputStream();
        packets.forEach(p -> s.writeBytes(p.encode()));
        return s.toByteArray();
    }

    @Test
    void framesAPacketSplitAtEveryByteBoundary() throws QsmpException {
        Packet packet = data(4, 37);
        byte[] wire = packet.encode();
        for (int cut = 0; cut <= wire.length; cut++) {
            PacketReader reader = new PacketReader(Limits.DEFAULT);
            reader.feed(wire, 0, cut);
            List<Packet> first = drain(reader);
            assertThat(first).as("cut at %d", cut).hasSize(cut == wire.length ? 1 : 0);
            reader.feed(wire, cut, wire.length - cut);
            first.addAll(drain(reader));
            assertThat(first).as("cut at %d", cut).containsExactly(packet);
            assertThat(reader.buffered()).isZero();
            assertThat(reader.midPacket()).isFalse();
        }
    }

    @Test
    void framesAStreamFedOneByteAtATime() throws QsmpException {
        List<Packet> packets = List.of(data(4, 5), TerminatePacket.packet(), data(5, 300), data(6, 0));
        byte[] wire = concat(packets);
        PacketReader reader = new PacketReader(Limits.DEFAULT);
        List<Packet> got = new ArrayList<>();
        for (int i = 0; i < wire.length; i++) {
            reader.feed(wire, i, 1);
            got.addAll(drain(reader));
        }
        assertThat(got).containsExactlyElementsOf(packets);
    }

    @Test
    void framesManyPacketsFromOneFeed() throws QsmpException {
        List<Packet> packets = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            packets.add(data(4 + i, i * 13 % 200));
        }
        PacketReader reader = new PacketReader(Limits.DEFAULT);
        reader.feed(concat(packets));
        assertThat(drain(reader)).containsExactlyElementsOf(packets);
        assertThat(reader.next()).isEmpty();
    }

    @Test
    void framesTheTerminatePacketWithoutPayload() throws QsmpException {
        PacketReader reader = new PacketReader(Limits.DEFAULT);
        reader.feed(TerminatePacket.encode());
        Packet p = reader.next().orElseThrow();
        assertThat(p.payload()).isEmpty();
        assertThat(TerminatePacket.isTerminate(p.header())).isTrue();
        assertThat(reader.next()).isEmpty();
    }

    @Test
    void rejectsAnOversizedLengthAsSoonAsTheHeaderArrives() {
        PacketHeader huge = new PacketHeader(Flag.ENCRYPTED_MESSAGE, 0x80000000L, 4, 0);
        PacketReader reader = new PacketReader(Limits.DEFAULT);
        reader.feed(huge.encode()); // no payload follows: the reader must not wait for (or reserve) 2 GiB
        assertThatThrownBy(reader::next)
                .isInstanceOfSatisfying(QsmpException.class,
                        e -> assertThat(e.error()).isEqualTo(QsmpError.RECEIVE_FAILURE))
                .hasMessageContaining("msglen 2147483648 exceeds the 16777216-byte limit");
    }

    @Test
    void rejectsTheLargestUnsignedLength() {
        PacketReader reader = new PacketReader(Limits.DEFAULT);
        reader.feed(new PacketHeader(Flag.ENCRYPTED_MESSAGE, 0xFFFFFFFFL, 4, 0).encode());
        assertThatThrownBy(reader::next).hasMessageContaining("msglen 4294967295 exceeds");
    }

    @Test
    void acceptsExactlyTheLimitAndRejectsOneMore() throws QsmpException {
        Limits limits = new Limits(1000);
        PacketReader ok = new PacketReader(limits);
        ok.feed(data(4, 1000).encode());
        assertThat(ok.next()).isPresent();

        PacketReader tooBig = new PacketReader(limits);
        tooBig.feed(new PacketHeader(Flag.ENCRYPTED_MESSAGE, 1001, 4, 0).encode());
        assertThatThrownBy(tooBig::next).hasMessageContaining("msglen 1001 exceeds the 1000-byte limit");
    }

    @Test
    void staysFailedAfterAnOversizedLength() {
        PacketReader reader = new PacketReader(new Limits(10));
        reader.feed(data(4, 11).encode());
        assertThatThrownBy(reader::next).isInstanceOf(QsmpException.class);
        reader.feed(data(5, 1).encode());
        assertThat(reader.buffered()).isZero();
        assertThatThrownBy(reader::next).isInstanceOfSatisfying(QsmpException.class,
                e -> assertThat(e.error()).isEqualTo(QsmpError.RECEIVE_FAILURE));
    }

    @Test
    void keepsAnUnknownFlagExactly() throws QsmpException {
        Packet odd = new Packet(new PacketHeader(0x7E, 2, -1L, -2L), new byte[] {1, 2});
        PacketReader reader = new PacketReader(Limits.DEFAULT);
        reader.feed(odd.encode());
        Packet got = reader.next().orElseThrow();
        assertThat(got).isEqualTo(odd);
        assertThat(got.header().flag()).isEmpty();
        assertThat(got.encode()).isEqualTo(odd.encode());
    }

    @Test
    void reportsWhatIsBuffered() throws QsmpException {
        PacketReader reader = new PacketReader(Limits.DEFAULT);
        byte[] wire = data(4, 10).encode();
        reader.feed(wire, 0, 25);
        assertThat(reader.buffered()).isEqualTo(25);
        assertThat(reader.next()).isEmpty();
        assertThat(reader.buffered()).isEqualTo(4); // the header has been taken
        assertThat(reader.midPacket()).isTrue();
    }

    @Test
    void copiesFedBytesSoTheCallerMayReuseItsBuffer() throws QsmpException {
        byte[] wire = data(4, 3).encode();
        byte[] buf = wire.clone();
        PacketReader reader = new PacketReader(Limits.DEFAULT);
        reader.feed(buf);
        java.util.Arrays.fill(buf, (byte) 0);
        assertThat(reader.next().orElseThrow().encode()).isEqualTo(wire);
    }
}
