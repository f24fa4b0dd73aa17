package io.pqagent.agent.pqs;

/** LOGIN_RESULT's first byte. Unknown user and wrong passphrase share DENIED so that names cannot be probed. */
public enum LoginOutcome {
    ACCEPTED(0),
    DENIED(1),
    LOCKED(2);

    private final int code;

    LoginOutcome(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static LoginOutcome of(int code) {
        for (LoginOutcome o : values()) {
            if (o.code == code) {
                return o;
            }
        }
        throw new PqsFormatException("unknown login outcome " + code);
    }
}
