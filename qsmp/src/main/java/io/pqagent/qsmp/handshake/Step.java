package io.pqagent.qsmp.handshake;

import io.pqagent.qsmp.wire.QsmpError;

/** What a handshake machine asks its driver to do after a call. */
public sealed interface Step {

    /** Send these bytes (one whole packet) and wait for the peer's next packet. */
    record Send(byte[] packet) implements Step {
    }

    /**
     * The handshake is complete. {@code packet} is a last packet to send first, or {@code null}; the
     * result holds the session ciphers and must be handed to a session (or closed).
     */
    record Established(byte[] packet, HandshakeResult result) implements Step {
    }

    /**
     * The handshake failed with {@code error}. {@code errorPacket} is the error packet to send before
     * closing, or {@code null} when the peer reported the error itself (profile rule 8: no answer).
     */
    record Failed(QsmpError error, String detail, byte[] errorPacket) implements Step {
    }
}
