package io.pqagent.agent.mux;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

class MuxCodecPropertiesTest {

    @Property(tries = 300)
    void anyFramesRoundTrip(@ForAll("frameLists") List<MuxFrame> frames) throws MuxException {
        assertThat(MuxCodec.decode(MuxCodec.encode(frames))).isEqualTo(frames);
    }

    @Property(tries = 2000)
    void arbitraryBytesDecodeOrFailWithAMuxError(@ForAll @Size(max = 300) byte[] bytes) {
        try {
            List<MuxFrame> frames = MuxCodec.decode(bytes);
            // whatever decodes must encode back to the very same bytes: one meaning per message
            assertThat(MuxCodec.encode(frames)).isEqualTo(bytes);
        } catch (MuxException e) {
            assertThat(e.error()).isNotNull();
        }
    }

    @Property(tries = 1000)
    void corruptedMessagesDecodeOrFailWithAMuxError(@ForAll("frameLists") List<MuxFrame> frames,
            @ForAll int position, @ForAll byte value) {
        byte[] message = MuxCodec.encode(frames);
        message[Math.floorMod(position, message.length)] = value;
        try {
            assertThat(MuxCodec.encode(MuxCodec.decode(message))).isEqualTo(message);
        } catch (MuxException e) {
            assertThat(e.error()).isNotNull();
        }
    }

    @Provide
    Arbitrary<List<MuxFrame>> frameLists() {
        return frames().list().ofMinSize(1).ofMaxSize(8);
    }

    private Arbitrary<MuxFrame> frames() {
        Arbitrary<Integer> ids = Arbitraries.integers().between(1, Integer.MAX_VALUE);
        Arbitrary<String> names = Arbitraries.strings().withChars("abcXYZ019._-").ofMinLength(1).ofMaxLength(64);
        Arbitrary<byte[]> parameters = Arbitraries.bytes().array(byte[].class).ofMaxSize(MuxLimits.MAX_PARAMETER);
        Arbitrary<byte[]> data = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(2000);
        Arbitrary<String> texts = Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(MuxLimits.MAX_RESET_TEXT);
        return Arbitraries.oneOf(List.of(
                Combinators.combine(ids, names, parameters).as(MuxFrame.Open::new),
                ids.map(MuxFrame.OpenOk::new),
                Combinators.combine(ids, data).as(MuxFrame.Data::new),
                Combinators.combine(ids, Arbitraries.integers().between(1, MuxLimits.MAX_WINDOW))
                        .as(MuxFrame.Window::new),
                ids.map(MuxFrame.Close::new),
                Combinators.combine(ids, Arbitraries.of(ResetCode.class), texts).as(MuxFrame.Reset::new),
                Arbitraries.of(RatchetKind.class).map(MuxFrame.RatchetRequest::new),
                Arbitraries.longs().map(MuxFrame.Ping::new),
                Arbitraries.longs().map(MuxFrame.Pong::new)));
    }
}
