package io.pqagent.qsmp.cli;

import io.pqagent.qsmp.session.RatchetKind;
import io.pqagent.qsmp.transport.Tunnel;
import io.pqagent.qsmp.transport.TunnelClosed;

/**
 * What a session command's main thread waits for, from stdin, the connecting future and the tunnel's
 * event loop, in one queue so that it can react to whichever comes first.
 */
sealed interface ConsoleEvent {

    /** A line of standard input, without its line end. */
    record Line(String text) implements ConsoleEvent {
    }

    /** Standard input ended (or could not be read): a clean quit. */
    record EndOfInput() implements ConsoleEvent {
    }

    /** The handshake succeeded. */
    record Connected(Tunnel tunnel) implements ConsoleEvent {
    }

    /** The handshake or the connection failed. */
    record ConnectFailed(Throwable cause) implements ConsoleEvent {
    }

    /** A message arrived on {@code tunnel}. */
    record Message(Tunnel tunnel, byte[] bytes) implements ConsoleEvent {
    }

    /** A ratchet this side started has finished; {@code failure} is {@code null} if it succeeded. */
    record RatchetDone(RatchetKind kind, Throwable failure) implements ConsoleEvent {
    }

    /** {@code tunnel} is closed; for a listener this may be a connection whose handshake failed. */
    record Ended(Tunnel tunnel, TunnelClosed why) implements ConsoleEvent {
    }
}
