package io.pqagent.agent.pqs;

/** ERROR's code (u16). */
public enum PqsErrorCode {
    MALFORMED(1),
    NOT_LOGGED_IN(2),
    NOT_PERMITTED(3),
    METACHARACTER(4),
    PATH_REFUSED(5),
    NOT_FOUND(6),
    IO(7),
    TIMEOUT(8),
    INTERNAL(9);

    private final int code;

    PqsErrorCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static PqsErrorCode of(int code) {
        for (PqsErrorCode c : values()) {
            if (c.code == code) {
                return c;
            }
        }
        throw new PqsFormatException("unknown PQS error code " + code);
    }
}
