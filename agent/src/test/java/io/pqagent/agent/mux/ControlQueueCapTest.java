package io.pqagent.agent.mux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A hostile peer floods frames that each oblige us to answer (PING, frames for streams it never opened,
 * OPENs we refuse or cannot hold) and never reads the answers, so our tunnel stays unwritable. The
 * control queue must stop at {@link MuxSettings#maxControlBytes()} with {@link MuxError#CONTROL_QUEUE_FULL}
 * instead of growing; the same flood answered promptly, and frames that need no answer, never trip it.
 */
class ControlQueueCapTest {
    private static final int FRAMES_PER_MESSAGE = 1_000;
    /** The largest single answer: a RESET with 120 characters of text. */
    private static final int LARGEST_ANSWER = MuxLimits.FRAME_HEADER_BYTES + 2 + MuxLimits.MAX_RESET_TEXT;

    /** A multiplexer (listening side unless told) whose tunnel takes messages only while {@link #writable}. */
    private static final class Target {
        final List<MuxFrame> sent = new ArrayList<>();
        final MultiplexerTest.Services services = new MultiplexerTest.Services();
        final Multiplexer mux;
        boolean writable;

        Target(MuxSettings settings) {
            this(MuxRole.LISTENER, settings);
        }

        Target(MuxRole role, MuxSettings settings) {
            mux = new Multiplexer(role, settings, new FrameSink() {
                @Override
                public void send(byte[] message) {
                    try {
                        sent.addAll(MuxCodec.decode(message));
                    } catch (MuxException e) {
                        throw new AssertionError(e);
                    }
                }

                @Override
                public boolean isWritable() {
                    return writable;
                }
            }, services, ControlListener.NONE);
        }
    }

    /** Frame number {@code n} of each flood (stream ids the dialing peer may use: odd, growing). */
    static Stream<Arguments> floods() {
        return Stream.of(
                Arguments.of("PING", (IntFunction<MuxFrame>) n -> new MuxFrame.Ping(n)),
                Arguments.of("WINDOW for a stream never opened",
                        (IntFunction<MuxFrame>) n -> new MuxFrame.Window(1_000_001, 1)),
                Arguments.of("CLOSE for a stream never opened", (IntFunction<MuxFrame>) n -> new MuxFrame.Close(1_000_001)),
                Arguments.of("OPEN the acceptor refuses",
                        (IntFunction<MuxFrame>) n -> new MuxFrame.Open(2 * n + 1, "refuse", new byte[0])),
                Arguments.of("OPEN past the stream limit",
                        (IntFunction<MuxFrame>) n -> new MuxFrame.Open(2 * n + 1, "later", new byte[0])));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("floods")
    void aFloodThatIsNeverReadStopsAtTheCap(String name, IntFunction<MuxFrame> frame) {
        Target target = new Target(MuxSettings.DEFAULT);
        int cap = MuxSettings.DEFAULT.maxControlBytes();
        // every flood frame costs at least 9 answer bytes or holds a stream (at most 1024 of them)
        int messagesEnough = (cap / MuxLimits.FRAME_HEADER_BYTES + MuxSettings.DEFAULT.maxPeerStreams())
                / FRAMES_PER_MESSAGE + 1;
        int n = 0;
        for (int m = 0; m < messagesEnough; m++) {
            List<MuxFrame> frames = new ArrayList<>();
            for (int i = 0; i < FRAMES_PER_MESSAGE; i++) {
                frames.add(frame.apply(n++));
            }
            try {
                target.mux.onMessage(MuxCodec.encode(frames));
            } catch (MuxException e) {
                assertThat(e.error()).isEqualTo(MuxError.CONTROL_QUEUE_FULL);
                assertThat(target.mux.queuedControlBytes()).isBetween((long) cap + 1, (long) cap + LARGEST_ANSWER);
                assertThat(target.sent).as("nothing could be sent").isEmpty();
                target.mux.tunnelLost(); // what the owner does: close the tunnel, then this
                assertThat(target.mux.queuedControlBytes()).isZero();
                return;
            }
            assertThat(target.mux.queuedControlBytes()).isLessThanOrEqualTo(cap);
        }
        fail("the flood of " + n + " frames never tripped the cap");
    }

    /** The default settings with a smaller control-queue cap, so a flood five times its size stays quick. */
    private static final MuxSettings SMALL_CAP = new MuxSettings(MuxLimits.MAX_WINDOW, 64 * 1024, 16 * 1024,
            128 * 1024, 1024, 64 * 1024);

    @Test
    void theSameFloodAnsweredPromptlyNeverTripsTheCap() throws MuxException {
        Target target = new Target(SMALL_CAP);
        target.writable = true;
        int n = 0;
        // five times the cap in PONGs, taken as fast as they come
        int pong = MuxCodec.encodedSize(new MuxFrame.Pong(0));
        for (int m = 0; m < 5 * SMALL_CAP.maxControlBytes() / (pong * FRAMES_PER_MESSAGE); m++) {
            List<MuxFrame> frames = new ArrayList<>();
            for (int i = 0; i < FRAMES_PER_MESSAGE; i++) {
                frames.add(new MuxFrame.Ping(n++));
            }
            target.mux.onMessage(MuxCodec.encode(frames));
            assertThat(target.mux.queuedControlBytes()).isZero();
        }
        assertThat(target.sent).hasSize(n).allSatisfy(f -> assertThat(f).isInstanceOf(MuxFrame.Pong.class));
        assertThat(target.mux.isLost()).isFalse();
    }

    @Test
    void framesThatNeedNoAnswerNeverTripTheCap() throws MuxException {
        Target target = new Target(SMALL_CAP);
        // as many frames as would fill the cap five times over if each were answered
        for (int m = 0; m < 5 * SMALL_CAP.maxControlBytes() / (MuxLimits.FRAME_HEADER_BYTES * FRAMES_PER_MESSAGE); m++) {
            List<MuxFrame> frames = new ArrayList<>();
            for (int i = 0; i < FRAMES_PER_MESSAGE; i++) {
                frames.add(MuxFrame.Reset.of(7, ResetCode.CANCELLED, "a RESET for no stream is ignored"));
            }
            target.mux.onMessage(MuxCodec.encode(frames));
        }
        assertThat(target.mux.queuedControlBytes()).isZero();
    }

    @Test
    void localOpensAreRefusedWhileTheQueueIsFullAndAllowedOnceItDrains() {
        int cap = 4096;
        Target target = new Target(MuxRole.DIALER,
                new MuxSettings(MuxLimits.MAX_WINDOW, 64 * 1024, 16 * 1024, 128 * 1024, 1024, cap));
        byte[] targetAddress = "127.0.0.1:7".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        int opened = 0;
        while (true) {
            try {
                target.mux.open("echo", targetAddress, new RecordingHandler());
                opened++;
            } catch (IllegalStateException e) {
                assertThat(e).hasMessageContaining("congested");
                break;
            }
            assertThat(opened).as("refused before the queue outgrows the cap").isLessThan(cap);
        }
        // the last OPEN let in, with the WINDOW for the rest of its receive window, may cross the cap
        int openAndWindow = MuxCodec.encodedSize(new MuxFrame.Open(1, "echo", targetAddress))
                + MuxCodec.encodedSize(new MuxFrame.Window(1, 1));
        assertThat(target.mux.queuedControlBytes()).isBetween((long) cap, (long) cap + openAndWindow);
        assertThat(target.mux.isLost()).isFalse();

        target.writable = true;
        target.mux.tunnelWritable();
        assertThat(target.mux.queuedControlBytes()).isZero();
        assertThat(target.sent.stream().filter(MuxFrame.Open.class::isInstance)).hasSize(opened);
        assertThat(target.mux.open("echo", targetAddress, new RecordingHandler()).state()).isEqualTo(StreamState.OPENING);
    }
}
