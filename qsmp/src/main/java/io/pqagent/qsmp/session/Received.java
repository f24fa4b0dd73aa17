package io.pqagent.qsmp.session;

/** What a received tunnel packet turned out to be, and what (if anything) must be sent back. */
public sealed interface Received {

    /** An application message, authenticated and in order. */
    record Data(byte[] message) implements Received {
    }

    /** The listener asked whether we are alive: send {@code reply} (QSMP-WIRE §7.3). */
    record KeepAliveRequest(byte[] reply) implements Received {
    }

    /** Our outstanding keep-alive request was answered correctly. */
    record KeepAliveAnswered(long sequence) implements Received {
    }

    /** A ratchet finished on this side; send {@code reply} first if it is not {@code null}. */
    record RatchetCompleted(RatchetKind kind, byte[] reply) implements Received {
    }

    /** The peer closed the session normally. */
    record Terminated() implements Received {
    }
}
