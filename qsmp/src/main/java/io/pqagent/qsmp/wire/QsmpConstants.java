package io.pqagent.qsmp.wire;

/** Numbers fixed by the protocol (QSMP-WIRE §9.1). Our own limits are in {@link Limits}. */
public final class QsmpConstants {
    private QsmpConstants() {
    }

    public static final int HEADER_SIZE = 21;
    public static final int FLAG_SIZE = 1;
    public static final int MSGLEN_SIZE = 4;
    public static final int SEQUENCE_SIZE = 8;
    public static final int TIMESTAMP_SIZE = 8;
    public static final int CONFIG_SIZE = 48;
    public static final int KEYID_SIZE = 16;
    public static final int SECRET_SIZE = 32;
    public static final int NONCE_SIZE = 32;
    public static final int RATCHET_TOKEN_SIZE = 32;

    public static final int SIMPLEX_HASH_SIZE = 32;
    public static final int SIMPLEX_MACTAG_SIZE = 32;
    public static final int SIMPLEX_SYMMETRIC_KEY_SIZE = 32;
    public static final int SIMPLEX_SCHASH_SIZE = 32;
    public static final int DUPLEX_HASH_SIZE = 64;
    public static final int DUPLEX_MACTAG_SIZE = 64;
    public static final int DUPLEX_SYMMETRIC_KEY_SIZE = 64;
    public static final int DUPLEX_SCHASH_SIZE = 64;
    public static final int RTCS_SIZE = 64;

    public static final int SERVER_PORT = 31119;
    public static final int CLIENT_PORT = 31118;

    public static final long PACKET_TIME_THRESHOLD = 60;
    public static final long KEEPALIVE_TIMEOUT_MILLIS = 120_000;
    public static final long PUBKEY_DURATION_SECONDS = 365L * 86_400L;
    public static final int PUBKEY_LINE_LENGTH = 64;
    public static final long MESSAGE_MAX = 0x3D090000L;
    public static final int ERROR_MESSAGE_SIZE = 1;
    public static final int KEEPALIVE_PAYLOAD_SIZE = 8;

    /** Sequence field of error packets: bytes {@code 00 00 00 00 00 00 00 FF}. */
    public static final long ERROR_SEQUENCE = 0xFF00000000000000L;
    /** Sequence field of the terminate packet: a 32-bit constant in the 64-bit field. */
    public static final long SEQUENCE_TERMINATOR = 0xFFFFFFFFL;

    public static final int CONNECTIONS_MAX = 50_000;
}
