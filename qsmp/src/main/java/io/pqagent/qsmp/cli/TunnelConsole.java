package io.pqagent.qsmp.cli;

import io.pqagent.qsmp.handshake.Mode;
import io.pqagent.qsmp.session.RatchetKind;
import io.pqagent.qsmp.transport.Tunnel;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The console of one session, as the reference's sample apps behave: each stdin line is a message,
 * except the commands of {@link ConsoleLine}; each message received is printed as {@code RECD: text}.
 * It ends at {@code qsmp quit} or the end of stdin (an orderly close, exit 0), or when the tunnel ends.
 */
final class TunnelConsole {
    private final SessionEvents events;
    private final Tunnel tunnel;
    private final Duration timeout;
    private final PrintStream out;
    private final PrintStream err;

    TunnelConsole(SessionEvents events, Tunnel tunnel, Duration timeout, PrintStream out, PrintStream err) {
        this.events = events;
        this.tunnel = tunnel;
        this.timeout = timeout;
        this.out = out;
        this.err = err;
    }

    /** Replays the stdin events that came before the session began, then serves the console until the end. */
    int run(List<ConsoleEvent> pending) throws CliFailure, InterruptedException {
        for (ConsoleEvent event : pending) {
            if (!handle(event)) {
                return ExitCode.OK;
            }
        }
        while (handle(events.next())) {
            // each event handled in arrival order
        }
        return ExitCode.OK;
    }

    /** @return false once this side has closed the session (quit or end of stdin) */
    private boolean handle(ConsoleEvent event) throws CliFailure, InterruptedException {
        if (event instanceof ConsoleEvent.Line l) {
            if (!onLine(l.text())) {
                SessionEvents.closeOrderly(tunnel, timeout);
                return false;
            }
        } else if (event instanceof ConsoleEvent.EndOfInput) {
            SessionEvents.closeOrderly(tunnel, timeout);
            return false;
        } else if (event instanceof ConsoleEvent.Message m) {
            out.println("RECD: " + new String(m.bytes(), StandardCharsets.UTF_8));
        } else if (event instanceof ConsoleEvent.RatchetDone r) {
            onRatchetDone(r);
        } else if (event instanceof ConsoleEvent.Ended e && e.tunnel() == tunnel) {
            throw SessionEvents.endedByPeerOrFailure(e.why());
        }
        // Connected/ConnectFailed/Ended of other connections: a single-session listener no longer listens
        return true;
    }

    /** @return false for {@code qsmp quit} */
    private boolean onLine(String text) {
        ConsoleLine line = ConsoleLine.parse(text);
        if (line instanceof ConsoleLine.Send s) {
            tunnel.send(s.message()).whenComplete((v, failure) -> {
                if (failure != null && tunnel.isOpen()) {
                    err.println("message not sent: " + FailureText.of(failure));
                }
            });
        } else if (line instanceof ConsoleLine.Ratchet r) {
            startRatchet(r.kind());
        } else if (line instanceof ConsoleLine.Quit) {
            return false;
        }
        return true;
    }

    private void startRatchet(RatchetKind kind) {
        if (tunnel.mode() != Mode.DUPLEX) {
            err.println("ratchets exist only in Duplex sessions; line ignored");
            return;
        }
        tunnel.ratchet(kind).orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((v, failure) -> events.add(new ConsoleEvent.RatchetDone(kind, failure)));
    }

    private void onRatchetDone(ConsoleEvent.RatchetDone done) throws CliFailure, InterruptedException {
        String name = done.kind().name().toLowerCase(Locale.ROOT) + " ratchet";
        if (done.failure() == null) {
            err.println(name + " done");
        } else if (FailureText.unwrap(done.failure()) instanceof TimeoutException) {
            tunnel.close();
            throw new CliFailure(ExitCode.FAILED, "timeout: " + name + " not completed within " + timeout.toSeconds()
                    + " s");
        } else if (tunnel.isOpen()) {
            err.println(name + " failed: " + FailureText.of(done.failure()));
        }
        // else the tunnel is closing: its Ended event says why
    }
}
