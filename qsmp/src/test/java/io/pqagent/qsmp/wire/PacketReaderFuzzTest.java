package io.pqagent.qsmp.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Untrusted bytes into the framer: only {@link QsmpException} may come out, and the result must not
 * depend on how the stream was cut (whole versus byte by byte). Regression inputs live in
 * {@code PacketReaderFuzzTestInputs/readerOnlyFailsWithQsmpException}.
 */
class PacketReaderFuzzTest {
    private static final Limits LIMITS = new Limits(4096);

    @FuzzTest
    void readerOnlyFailsWithQsmpException(byte[] input) {
        Outcome whole = run(input, input.length == 0 ? 1 : input.length);
        Outcome bytewise = run(input, 1);
        assertThat(bytewise).isEqualTo(whole);
        for (Packet p : whole.packets) {
            assertThat(p.payload().length).isLessThanOrEqualTo(LIMITS.maxTunnelMessage());
            assertThat(p.header().msglen()).isEqualTo(p.payload().length);
        }
    }

    private record Outcome(List<Packet> packets, QsmpError error, long leftOver) {
    }

    private static Outcome run(byte[] input, int chunk) {
        PacketReader reader = new PacketReader(LIMITS);
        List<Packet> packets = new ArrayList<>();
        try {
            for (int off = 0; off < input.length; off += chunk) {
                reader.feed(input, off, Math.min(chunk, input.length - off));
                for (Optional<Packet> p = reader.next(); p.isPresent(); p = reader.next()) {
                    packets.add(p.get());
                }
            }
            return new Outcome(packets, null, reader.buffered());
        } catch (QsmpException e) {
            return new Outcome(packets, e.error(), -1);
        }
    }
}
