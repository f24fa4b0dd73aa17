package io.pqagent.adapters.dnp3.app;

/** The status of a control object (IEEE 1815 control status codes): 7 bits. */
public enum CommandStatus {
    SUCCESS(0),
    TIMEOUT(1),
    NO_SELECT(2),
    FORMAT_ERROR(3),
    NOT_SUPPORTED(4),
    ALREADY_ACTIVE(5),
    HARDWARE_ERROR(6),
    LOCAL(7),
    TOO_MANY_OBJS(8),
    NOT_AUTHORIZED(9),
    AUTOMATION_INHIBIT(10),
    PROCESSING_LIMITED(11),
    OUT_OF_RANGE(12),
    DOWNSTREAM_LOCAL(13),
    ALREADY_COMPLETE(14),
    BLOCKED(15),
    CANCELLED(16),
    BLOCKED_OTHER_MASTER(17),
    DOWNSTREAM_FAIL(18),
    NON_PARTICIPATING(126),
    /** Also what a code this codec does not know reads as. */
    UNDEFINED(127);

    private final int code;

    CommandStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The status for the low seven bits of {@code octet}; an unassigned code is {@link #UNDEFINED}. */
    public static CommandStatus of(int octet) {
        int c = octet & 0x7F;
        for (CommandStatus s : values()) {
            if (s.code == c) {
                return s;
            }
        }
        return UNDEFINED;
    }
}
