package io.pqagent.qsmp.cli;

import io.pqagent.qsmp.transport.Tunnel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What {@code send}, {@code client} and {@code listen} do once their handshake is under way: wait for the
 * session, then either the console or a scripted run.
 */
final class SingleSession {
    /** A connecting side waits this much beyond the transport's own handshake deadline, whose error is clearer. */
    private static final Duration GRACE = Duration.ofSeconds(2);

    private SingleSession() {
    }

    /**
     * @param listening a listening side waits for its peer without a deadline
     * @param script    the scripted run, or {@code null} for the console
     */
    static int run(QsmpMain parent, SessionEvents events, CompletableFuture<Tunnel> connecting, boolean listening,
            ScriptOptions script, Duration timeout) throws CliFailure, InterruptedException {
        events.watch(connecting);
        Duration deadline = listening ? null : timeout.plus(GRACE);
        List<ConsoleEvent> pending = new ArrayList<>();
        if (script != null && script.scripted()) {
            Tunnel tunnel = Connecting.await(events, deadline, pending, parent.err());
            RunFigures figures = new ScriptedRun(events, tunnel, timeout).run(script.count, script.size());
            parent.out().println(figures.line());
            return ExitCode.OK;
        }
        ConsoleInput.start(parent.in(), events.queue());
        Tunnel tunnel = Connecting.await(events, deadline, pending, parent.err());
        if (tunnel == null) {
            return ExitCode.OK;
        }
        return new TunnelConsole(events, tunnel, timeout, parent.out(), parent.err()).run(pending);
    }
}
