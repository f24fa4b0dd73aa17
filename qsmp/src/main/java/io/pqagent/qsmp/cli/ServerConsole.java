package io.pqagent.qsmp.cli;

import io.pqagent.qsmp.transport.QsmpServer;
import io.pqagent.qsmp.transport.Tunnel;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * The multi-client server's console: each stdin line goes to every client ({@link QsmpServer#broadcast}),
 * each client message is printed as {@code RECD: text} (the echo itself is sent on the event loop, see
 * {@link SessionEvents#handler}); it returns at {@code qsmp quit} or the end of stdin, and the caller
 * then quits the server (closing every session).
 *
 * <p>The transport tells of a tunnel only through its handler, whose first call is its first message or
 * its end, so a client is announced as {@code connected} when its first message arrives.
 */
final class ServerConsole {
    private final SessionEvents events;
    private final QsmpServer server;
    private final PrintStream out;
    private final PrintStream err;
    private final Set<Tunnel> announced = Collections.newSetFromMap(new IdentityHashMap<>());

    ServerConsole(SessionEvents events, QsmpServer server, PrintStream out, PrintStream err) {
        this.events = events;
        this.server = server;
        this.out = out;
        this.err = err;
    }

    int run() throws InterruptedException {
        while (true) {
            ConsoleEvent event = events.next();
            if (event instanceof ConsoleEvent.Line l) {
                ConsoleLine line = ConsoleLine.parse(l.text());
                if (line instanceof ConsoleLine.Send s) {
                    server.broadcast(s.message());
                } else if (line instanceof ConsoleLine.Ratchet) {
                    err.println("ratchets exist only in Duplex sessions; line ignored");
                } else if (line instanceof ConsoleLine.Quit) {
                    return ExitCode.OK;
                }
            } else if (event instanceof ConsoleEvent.EndOfInput) {
                return ExitCode.OK;
            } else if (event instanceof ConsoleEvent.Message m) {
                announce(m.tunnel());
                out.println("RECD: " + new String(m.bytes(), StandardCharsets.UTF_8));
            } else if (event instanceof ConsoleEvent.Ended e) {
                String peer = Endpoints.show(e.tunnel().remoteAddress());
                boolean wasAnnounced = announced.remove(e.tunnel());
                if (e.why().orderly()) {
                    err.println("disconnected: " + peer);
                } else {
                    err.println((wasAnnounced ? "disconnected: " : "session failed with ") + peer + ": "
                            + FailureText.of(e.why().error(), e.why().reason()));
                }
            }
        }
    }

    private void announce(Tunnel tunnel) {
        if (announced.add(tunnel)) {
            err.println("connected: " + Endpoints.show(tunnel.remoteAddress()));
        }
    }
}
