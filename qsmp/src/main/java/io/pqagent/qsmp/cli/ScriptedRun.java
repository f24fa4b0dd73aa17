package io.pqagent.qsmp.cli;

import io.pqagent.qsmp.transport.Tunnel;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Arrays;

/**
 * {@code --count N --size S}: N messages of S bytes, each sent once the echo of the one before has come
 * back (so each round trip is measured alone), every echo checked byte for byte, then one line of
 * {@link RunFigures} and an orderly close.
 */
final class ScriptedRun {
    private final SessionEvents events;
    private final Tunnel tunnel;
    private final Duration timeout;

    ScriptedRun(SessionEvents events, Tunnel tunnel, Duration timeout) {
        this.events = events;
        this.tunnel = tunnel;
        this.timeout = timeout;
    }

    RunFigures run(int count, int size) throws CliFailure, InterruptedException {
        long[] roundTrips = new long[count];
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            byte[] message = message(i, size);
            long sent = System.nanoTime();
            tunnel.send(message);
            byte[] reply = awaitReply(i + 1);
            roundTrips[i] = System.nanoTime() - sent;
            if (!Arrays.equals(reply, EchoReply.of(message))) {
                throw new CliFailure(ExitCode.FAILED, "the reply to message " + (i + 1) + " is not its echo ("
                        + reply.length + " bytes, expected " + (EchoReply.PREFIX.length + size) + ")");
            }
        }
        RunFigures figures = new RunFigures(count, (long) count * size, System.nanoTime() - start, roundTrips);
        SessionEvents.closeOrderly(tunnel, timeout);
        return figures;
    }

    private byte[] awaitReply(int number) throws CliFailure, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            ConsoleEvent event = events.next(deadline);
            if (event == null) {
                tunnel.close();
                throw new CliFailure(ExitCode.FAILED, "timeout: no echo of message " + number + " within "
                        + timeout.toSeconds() + " s (is the peer 'server' or 'listen --echo'?)");
            }
            if (event instanceof ConsoleEvent.Message m) {
                return m.bytes();
            }
            if (event instanceof ConsoleEvent.Ended e && e.tunnel() == tunnel) {
                throw SessionEvents.endedByPeerOrFailure(e.why());
            }
        }
    }

    /** Printable ASCII, numbered, so that an echoing peer's console shows which message it got. */
    static byte[] message(int index, int size) {
        byte[] m = new byte[size];
        for (int i = 0; i < size; i++) {
            m[i] = (byte) ('a' + (index + i) % 26);
        }
        byte[] number = Integer.toString(index + 1).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        System.arraycopy(number, 0, m, 0, Math.min(number.length, size));
        return m;
    }
}
