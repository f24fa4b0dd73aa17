package io.pqagent.qsmp.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

class PacketPropertiesTest {

    @Property
    void headerRoundTrips(@ForAll @IntRange(min = 0, max = 255) int flag,
            @ForAll @LongRange(min = 0, max = 0xFFFFFFFFL) long msglen,
            @ForAll long sequence, @ForAll long utctime) {
        PacketHeader h = new PacketHeader(flag, msglen, sequence, utctime);
        byte[] wire = h.encode();
        assertThat(wire).hasSize(PacketHeader.SIZE);
        assertThat(wire[0] & 0xFF).isEqualTo(flag);
        assertThat(PacketHeader.decode(wire, 0)).isEqualTo(h);
    }

    @Property
    void everyTwentyOneBytesAreAHeaderThatReencodesExactly(@ForAll @Size(21) byte[] bytes) {
        assertThat(PacketHeader.decode(bytes, 0).encode()).isEqualTo(bytes);
    }

    @Property
    void packetRoundTripsThroughTheReaderAtAnySplit(@ForAll("packets") List<Packet> packets,
            @ForAll @Size(max = 20) List<@IntRange(min = 1, max = 64) Integer> chunkSizes) throws QsmpException {
        ByteArrayOutputStream s = new ByteArrayOutputStream();
        packets.forEach(p -> s.writeBytes(p.encode()));
        byte[] wire = s.toByteArray();

        PacketReader reader = new PacketReader(Limits.DEFAULT);
        List<Packet> got = new ArrayList<>();
        int off = 0;
        int i = 0;
        while (off < wire.length) {
            int n = Math.min(wire.length - off, chunkSizes.isEmpty() ? wire.length : chunkSizes.get(i++ % chunkSizes.size()));
            reader.feed(wire, off, n);
            off += n;
            for (Optional<Packet> p = reader.next(); p.isPresent(); p = reader.next()) {
                got.add(p.get());
            }
        }
        assertThat(got).containsExactlyElementsOf(packets);
        assertThat(reader.buffered()).isZero();
    }

    @Provide
    Arbitrary<List<Packet>> packets() {
        Arbitrary<Packet> packet = Combinators.combine(
                Arbitraries.integers().between(0, 255),
                Arbitraries.longs(),
                Arbitraries.longs(),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(300))
                .as((flag, seq, time, payload) -> new Packet(new PacketHeader(flag, payload.length, seq, time), payload));
        return packet.list().ofMaxSize(8);
    }
}
