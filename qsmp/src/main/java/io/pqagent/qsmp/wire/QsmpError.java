package io.pqagent.qsmp.wire;

import java.util.Optional;

/**
 * The protocol's error codes, the one byte of an error packet (QSMP-WIRE §9.3), with the reference's
 * texts. The reference gives 0x06 two names ({@code connect_failure} and {@code message_time_invalid});
 * here it is one value, {@link #MESSAGE_TIME_INVALID}, whose text says both.
 */
public enum QsmpError {
    NONE(0x00, "No error was detected"),
    ACCEPT_FAIL(0x01, "The socket accept function returned an error"),
    AUTHENTICATION_FAILURE(0x02, "The symmetric cipher had an authentication failure"),
    BAD_KEEP_ALIVE(0x03, "The keep alive check failed"),
    CHANNEL_DOWN(0x04, "The communications channel has failed"),
    CONNECTION_FAILURE(0x05, "The device could not make a connection to the remote host"),
    /** 0x06: {@code message_time_invalid}, which the reference also names {@code connect_failure}. */
    MESSAGE_TIME_INVALID(0x06, "The packet time is outside the validity window"
            + " (code 0x06, also the reference's connect_failure)"),
    DECAPSULATION_FAILURE(0x07, "The asymmetric cipher failed to decapsulate the shared secret"),
    DECRYPTION_FAILURE(0x08, "The decryption authentication has failed"),
    ESTABLISH_FAILURE(0x09, "The transmission failed at the KEX establish phase"),
    EXCHANGE_FAILURE(0x0A, "The transmission failed at the KEX exchange phase"),
    HASH_INVALID(0x0B, "The public - key hash is invalid"),
    HOSTS_EXCEEDED(0x0C, "The server has run out of socket connections"),
    INVALID_INPUT(0x0D, "The expected input was invalid"),
    INVALID_REQUEST(0x0E, "The packet flag was unexpected"),
    KEEPALIVE_EXPIRED(0x0F, "The keep alive has expired with no response"),
    KEEPALIVE_TIMEOUT(0x10, "The keep alive has timed out"),
    KEY_EXPIRED(0x11, "The QSMP public key has expired"),
    KEY_UNRECOGNIZED(0x12, "The key identity is unrecognized"),
    KEYCHAIN_FAIL(0x13, "The ratchet operation has failed"),
    LISTENER_FAIL(0x14, "The listener function failed to initialize"),
    MEMORY_ALLOCATION(0x15, "The server has run out of memory"),
    PACKET_EXPIRED(0x16, "The packet has valid time expired"),
    PACKET_UNSEQUENCED(0x17, "The packet was received out of sequence"),
    RANDOM_FAILURE(0x18, "The random generator has failed"),
    RECEIVE_FAILURE(0x19, "The receiver failed at the network layer"),
    TRANSMIT_FAILURE(0x1A, "The transmitter failed at the network layer"),
    UNKNOWN_PROTOCOL(0x1B, "The protocol string was not recognized"),
    VERIFY_FAILURE(0x1C, "The expected data could not be verified");

    private static final QsmpError[] BY_CODE = new QsmpError[256];

    static {
        for (QsmpError e : values()) {
            BY_CODE[e.code] = e;
        }
    }

    private final int code;
    private final String text;

    QsmpError(int code, String text) {
        this.code = code;
        this.text = text;
    }

    public int code() {
        return code;
    }

    public byte wireByte() {
        return (byte) code;
    }

    /** A one-line human description. */
    public String text() {
        return text;
    }

    /** The reference's snake_case name, as operators see it in C logs. */
    public String protocolName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Optional<QsmpError> fromCode(int code) {
        return Optional.ofNullable(BY_CODE[code & 0xFF]);
    }

    @Override
    public String toString() {
        return String.format("%s (0x%02X): %s", protocolName(), code, text);
    }
}
