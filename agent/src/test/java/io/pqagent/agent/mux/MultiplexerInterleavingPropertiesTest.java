package io.pqagent.agent.mux;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Random interleavings of open, write, close, reset, stall, delivery and tunnel writability from both
 * sides, then a drain. Invariants: callbacks in a legal order (no data after CLOSE, nothing after
 * RESET); on every stream that neither side reset, each side received exactly what the other wrote, and
 * a CLOSE arrived iff the other side closed; on reset streams what arrived is a prefix of what was
 * written; buffered bytes never exceed the receive window; nothing is sent while a side's tunnel is not
 * writable ({@link InMemoryTunnel} fails such a send); after the drain every open stream is writable
 * again (a writer told to stop is always woken); the tables hold exactly the unfinished streams.
 */
class MultiplexerInterleavingPropertiesTest {

    /** One local end of a stream and what its side wrote into it. */
    static final class End {
        final boolean onDialer;
        final RecordingHandler handler;
        final ByteArrayOutputStream written = new ByteArrayOutputStream();
        MuxStream stream;
        boolean resetHere;

        End(boolean onDialer, RecordingHandler handler) {
            this.onDialer = onDialer;
            this.handler = handler;
        }

        boolean live() {
            StreamState s = stream.state();
            return s == StreamState.OPEN || s == StreamState.OPENING;
        }
    }

    private final Map<String, End> ends = new HashMap<>(); // "D:5" / "L:5"
    private final List<End> order = new ArrayList<>();
    private final List<MuxStream> deferred = new ArrayList<>();

    private StreamAcceptor acceptor(boolean onDialer) {
        return stream -> {
            switch (stream.service()) {
                case "no" -> stream.reset(ResetCode.POLICY_DENIED, "denied");
                case "later" -> deferred.add(stream);
                default -> acceptNow(stream, onDialer);
            }
        };
    }

    private void acceptNow(MuxStream stream, boolean onDialer) {
        End end = new End(onDialer, new RecordingHandler());
        end.stream = stream;
        end.handler.stream = stream;
        ends.put(key(onDialer, stream.id()), end);
        order.add(end);
        stream.accept(end.handler);
    }

    private static String key(boolean onDialer, int id) {
        return (onDialer ? "D:" : "L:") + id;
    }

    @Property(tries = 400)
    void randomInterleavingsKeepEveryStreamConsistent(
            @ForAll @Size(max = 200) List<@IntRange(min = 0, max = 1_000_000) Integer> ops) {
        ends.clear();
        order.clear();
        deferred.clear();
        MuxSettings settings = new MuxSettings(MuxLimits.INITIAL_WINDOW + 1000, 20_000, 3000, 40_000, 8);
        InMemoryTunnel tunnel = new InMemoryTunnel(settings, acceptor(true), acceptor(false), ControlListener.NONE,
                ControlListener.NONE, ops.size());
        for (int op : ops) {
            int arg = op / 13;
            Random random = new Random(op);
            switch (op % 13) {
                case 0 -> open(tunnel, arg);
                case 1, 2, 3, 4 -> pick(arg).ifPresentWrite(random);
                case 5 -> {
                    End end = pickEnd(arg);
                    if (end != null && end.live()) {
                        end.stream.close();
                    }
                }
                case 6 -> {
                    End end = pickEnd(arg);
                    if (end != null && end.live() && arg % 3 == 0) {
                        end.stream.reset(ResetCode.CANCELLED, "local abort");
                        end.resetHere = true;
                    }
                }
                case 7 -> {
                    End end = pickEnd(arg);
                    if (end != null) {
                        if (end.handler.stalled) {
                            end.handler.unstall();
                        } else {
                            end.handler.stalled = true;
                        }
                    }
                }
                case 8, 9 -> {
                    for (int i = 0; i <= arg % 5; i++) {
                        tunnel.deliverOne();
                    }
                }
                case 10 -> decideOne(arg);
                case 11 -> toggleWritable(tunnel, arg % 2 == 0);
                default -> (arg % 2 == 0 ? tunnel.dialer : tunnel.listener).ping(arg);
            }
            checkBuffers(settings);
        }
        // drain: both tunnels writable, decide everything, let every consumer take its bytes, deliver until quiet
        if (!tunnel.dialerWritable) {
            toggleWritable(tunnel, true);
        }
        if (!tunnel.listenerWritable) {
            toggleWritable(tunnel, false);
        }
        do {
            while (!deferred.isEmpty()) {
                decideOne(0);
            }
            order.forEach(e -> e.handler.unstall());
            tunnel.pump();
        } while (!deferred.isEmpty() || order.stream().anyMatch(e -> e.stream.bufferedBytes() > 0 && e.stream.state() != StreamState.RESET
                && e.stream.state() != StreamState.CLOSED) || tunnel.queued() > 0);

        for (End end : order) {
            assertThat(end.handler.violations).isEmpty();
            End peer = ends.get(key(!end.onDialer, end.stream.id()));
            if (peer == null) {
                // only refused streams have no far end; they must have been told so
                assertThat(end.handler.resetCode).isIn(ResetCode.POLICY_DENIED, ResetCode.CONNECTION_REFUSED,
                        ResetCode.TOO_MANY_STREAMS, null);
                assertThat(end.resetHere || end.handler.resetCode != null).isTrue();
                Statistics.label("streams").collect("refused");
                continue;
            }
            byte[] sent = end.written.toByteArray();
            byte[] arrived = peer.handler.received.toByteArray();
            boolean wasReset = end.resetHere || peer.resetHere || end.handler.resetCode != null
                    || peer.handler.resetCode != null;
            Statistics.label("streams").collect(wasReset ? "reset" : sent.length == 0 ? "no data" : "data intact");
            if (end.live() && !end.stream.isLocalClosed()) {
                assertThat(end.stream.isWritable()).as("stream %s woken after the drain", end.stream.id()).isTrue();
            }
            if (wasReset) {
                assertThat(arrived.length).isLessThanOrEqualTo(sent.length);
                assertThat(arrived).isEqualTo(Arrays.copyOf(sent, arrived.length));
            } else {
                assertThat(arrived).as("bytes on stream %s", end.stream.id()).isEqualTo(sent);
                assertThat(peer.handler.remoteClosed).isEqualTo(end.stream.isLocalClosed());
            }
        }
        assertTables(tunnel.dialer, true);
        assertTables(tunnel.listener, false);
    }

    private void open(InMemoryTunnel tunnel, int arg) {
        boolean onDialer = arg % 2 == 0;
        String service = switch (arg % 7) {
            case 0 -> "no";
            case 1, 2 -> "later";
            default -> "ok";
        };
        End end = new End(onDialer, new RecordingHandler());
        MuxStream stream = (onDialer ? tunnel.dialer : tunnel.listener).open(service, new byte[0], end.handler);
        end.stream = stream;
        end.handler.stream = stream;
        ends.put(key(onDialer, stream.id()), end);
        order.add(end);
    }

    private static void toggleWritable(InMemoryTunnel tunnel, boolean dialerSide) {
        if (dialerSide) {
            tunnel.dialerWritable = !tunnel.dialerWritable;
            if (tunnel.dialerWritable) {
                tunnel.dialer.tunnelWritable();
            }
        } else {
            tunnel.listenerWritable = !tunnel.listenerWritable;
            if (tunnel.listenerWritable) {
                tunnel.listener.tunnelWritable();
            }
        }
    }

    private void decideOne(int arg) {
        if (deferred.isEmpty()) {
            return;
        }
        MuxStream stream = deferred.remove(arg % deferred.size());
        if (stream.state() != StreamState.AWAITING_ACCEPT) {
            return; // the peer reset it meanwhile
        }
        boolean onDialer = stream.id() % 2 == 0; // the acceptor is the side that did not choose the id
        if (arg % 4 == 3) {
            stream.reset(ResetCode.CONNECTION_REFUSED, "refused");
        } else {
            acceptNow(stream, onDialer);
        }
    }

    private End pickEnd(int arg) {
        return order.isEmpty() ? null : order.get(arg % order.size());
    }

    private Writer pick(int arg) {
        return new Writer(pickEnd(arg));
    }

    /** Writes only as a well-behaved socket reader would: while the stream says it is writable. */
    private record Writer(End end) {
        void ifPresentWrite(Random random) {
            if (end == null || !end.live() || !end.stream.isWritable()) {
                return;
            }
            byte[] bytes = new byte[1 + random.nextInt(30_000)];
            random.nextBytes(bytes);
            end.stream.write(bytes);
            end.written.writeBytes(bytes);
        }
    }

    private void checkBuffers(MuxSettings settings) {
        for (End end : order) {
            assertThat(end.stream.bufferedBytes()).isBetween(0, settings.receiveWindow());
            assertThat(end.stream.sendCredit()).isBetween(0, MuxLimits.MAX_WINDOW);
        }
    }

    private void assertTables(Multiplexer mux, boolean dialer) {
        long unfinished = order.stream().filter(e -> e.onDialer == dialer)
                .filter(e -> e.stream.state() == StreamState.OPEN || e.stream.state() == StreamState.OPENING)
                .count();
        assertThat(mux.streamCount()).isEqualTo((int) unfinished);
        assertThat(mux.streams()).allSatisfy(s -> assertThat(s.state())
                .isIn(StreamState.OPEN, StreamState.OPENING));
    }
}
