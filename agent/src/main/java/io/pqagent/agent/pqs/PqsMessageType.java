package io.pqagent.agent.pqs;

/** The first byte of every PQS application message inside a Simplex payload (docs/pqs.md §2). */
public enum PqsMessageType {
    LOGIN(0x01),
    LOGIN_RESULT(0x02),
    COMMAND(0x03),
    OUTPUT(0x04),
    EXIT_STATUS(0x05),
    ERROR(0x06),
    FILE_GET(0x07),
    FILE_PUT(0x08),
    FILE_LS(0x09),
    FILE_MKDIR(0x0A),
    FILE_RM(0x0B),
    TRANSFER_DATA(0x0C),
    TRANSFER_STATUS(0x0D),
    DISCONNECT(0x0E);

    private final int code;

    PqsMessageType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** @throws PqsFormatException for a byte that names no message type */
    public static PqsMessageType of(int code) {
        for (PqsMessageType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        throw new PqsFormatException("unknown PQS message type 0x" + Integer.toHexString(code & 0xFF));
    }
}
