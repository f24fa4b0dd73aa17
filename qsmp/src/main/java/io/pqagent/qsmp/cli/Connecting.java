package io.pqagent.qsmp.cli;

import io.pqagent.qsmp.transport.Tunnel;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

/**
 * The wait for a session: a connecting side waits at most its deadline; a listening side waits for as
 * long as it takes, reporting each peer whose handshake failed and listening on. Lines typed meanwhile
 * are kept to be sent once the session is up. The end of stdin quits a listening side at once (nobody
 * is there to talk to); a connecting side keeps it for after the lines, so that
 * {@code printf 'hello\n' | qsmp client} sends its line and then quits.
 */
final class Connecting {
    private Connecting() {
    }

    /**
     * @param deadline    how long a connecting side waits; {@code null} for a listening side
     * @param pending     where stdin events ({@link ConsoleEvent.Line}, {@link ConsoleEvent.EndOfInput}) that
     *                    came before the session are kept
     * @return the tunnel, or {@code null} if standard input ended first on a listening side (a clean quit)
     */
    static Tunnel await(SessionEvents events, Duration deadline, List<ConsoleEvent> pending, PrintStream err)
            throws CliFailure, InterruptedException {
        long end = deadline == null ? 0 : System.nanoTime() + deadline.toNanos();
        while (true) {
            ConsoleEvent event = deadline == null ? events.next() : events.next(end);
            if (event == null) {
                throw new CliFailure(ExitCode.FAILED, "timeout: no session within " + deadline.toSeconds() + " s");
            }
            if (event instanceof ConsoleEvent.Connected c) {
                err.println("connected: " + Endpoints.show(c.tunnel().remoteAddress()));
                return c.tunnel();
            } else if (event instanceof ConsoleEvent.ConnectFailed f) {
                throw new CliFailure(ExitCode.FAILED, FailureText.of(f.cause()), f.cause());
            } else if (event instanceof ConsoleEvent.Line) {
                pending.add(event);
            } else if (event instanceof ConsoleEvent.EndOfInput) {
                if (deadline == null) {
                    return null;
                }
                pending.add(event);
            } else if (event instanceof ConsoleEvent.Ended e) {
                // a listener's caller whose handshake failed; a connecting side hears of it as ConnectFailed
                if (deadline == null && !e.why().orderly()) {
                    err.println("handshake failed with " + Endpoints.show(e.tunnel().remoteAddress()) + ": "
                            + FailureText.of(e.why().error(), e.why().reason()));
                }
            } else {
                // messages and ratchets come only from an established tunnel, announced by Connected first
                throw new IllegalStateException("tunnel event before the session began: " + event);
            }
        }
    }
}
