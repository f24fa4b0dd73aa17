package io.pqagent.qsmp.cli;

import java.nio.charset.StandardCharsets;

/** The reference server's answer to a message: {@code "ECHO: "} and the message's bytes (QSMP-WIRE §8.5). */
final class EchoReply {
    static final byte[] PREFIX = "ECHO: ".getBytes(StandardCharsets.US_ASCII);

    private EchoReply() {
    }

    /** Byte for byte, so that a message that is not UTF-8 comes back unchanged. */
    static byte[] of(byte[] message) {
        byte[] reply = new byte[PREFIX.length + message.length];
        System.arraycopy(PREFIX, 0, reply, 0, PREFIX.length);
        System.arraycopy(message, 0, reply, PREFIX.length, message.length);
        return reply;
    }
}
