package io.pqagent.adapters.opcua;

/**
 * The OPC UA TCP message types (OPC 10000-6 §7.1.2.2, §6.7.2): the first three bytes of every message,
 * with the smallest size a well-formed message of the type can have.
 */
enum UaTcpMessageType {
    /** Hello: client → server, first message of a connection. */
    HEL(32),
    /** Acknowledge: server → client, the answer to Hello with the negotiated sizes. */
    ACK(28),
    /** Error: the sender closes the connection after it. */
    ERR(16),
    /** ReverseHello: a server that dials its client; never on a connection the client opened. */
    RHE(16),
    /** OpenSecureChannel (asymmetric security header). */
    OPN(24),
    /** CloseSecureChannel (symmetric security header). */
    CLO(24),
    /** A service message chunk (symmetric security header). */
    MSG(24);

    /** The message header: type (3), chunk type (1), message size (u32). */
    static final int HEADER_SIZE = 8;

    private final int minimumSize;

    UaTcpMessageType(int minimumSize) {
        this.minimumSize = minimumSize;
    }

    int minimumSize() {
        return minimumSize;
    }

    /** Only MSG is sent in chunks; every other type is a single final chunk. */
    boolean chunked() {
        return this == MSG;
    }

    /** The type whose three ASCII letters start at {@code offset}, or null. */
    static UaTcpMessageType of(byte[] b, int offset) {
        for (UaTcpMessageType t : values()) {
            String n = t.name();
            if (b[offset] == n.charAt(0) && b[offset + 1] == n.charAt(1) && b[offset + 2] == n.charAt(2)) {
                return t;
            }
        }
        return null;
    }
}
