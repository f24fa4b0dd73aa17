package io.pqagent.qsmp.wire;

import java.util.Optional;

/** The packet flag, byte 0 of every header (QSMP-WIRE §9.2, {@code qsmp_flags}). */
public enum Flag {
    NONE(0x00),
    CONNECT_REQUEST(0x01),
    CONNECT_RESPONSE(0x02),
    CONNECTION_TERMINATE(0x03),
    ENCRYPTED_MESSAGE(0x04),
    EXSTART_REQUEST(0x05),
    EXSTART_RESPONSE(0x06),
    EXCHANGE_REQUEST(0x07),
    EXCHANGE_RESPONSE(0x08),
    ESTABLISH_REQUEST(0x09),
    ESTABLISH_RESPONSE(0x0A),
    KEEP_ALIVE_REQUEST(0x0B),
    KEEP_ALIVE_RESPONSE(0x0C),
    REMOTE_CONNECTED(0x0D),
    REMOTE_TERMINATED(0x0E),
    SESSION_ESTABLISHED(0x0F),
    SESSION_ESTABLISH_VERIFY(0x10),
    UNRECOGNIZED_PROTOCOL(0x11),
    ASYMMETRIC_RATCHET_REQUEST(0x12),
    ASYMMETRIC_RATCHET_RESPONSE(0x13),
    SYMMETRIC_RATCHET_REQUEST(0x14),
    TRANSFER_REQUEST(0x15),
    ERROR_CONDITION(0xFF);

    private static final Flag[] BY_CODE = new Flag[256];

    static {
        for (Flag f : values()) {
            BY_CODE[f.code] = f;
        }
    }

    private final int code;

    Flag(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public byte wireByte() {
        return (byte) code;
    }

    public static Optional<Flag> fromCode(int code) {
        return Optional.ofNullable(BY_CODE[code & 0xFF]);
    }
}
