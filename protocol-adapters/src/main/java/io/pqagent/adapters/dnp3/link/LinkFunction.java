package io.pqagent.adapters.dnp3.link;

import java.util.Optional;

/**
 * Link function codes (IEEE 1815, primary and secondary): the meaning of the control octet's low four
 * bits depends on PRM, so a function is the pair (PRM, code).
 */
public enum LinkFunction {
    // primary to secondary (PRM = 1)
    RESET_LINK_STATES(true, 0, false),
    TEST_LINK_STATES(true, 2, false),
    CONFIRMED_USER_DATA(true, 3, true),
    UNCONFIRMED_USER_DATA(true, 4, true),
    REQUEST_LINK_STATUS(true, 9, false),
    // secondary to primary (PRM = 0)
    ACK(false, 0, false),
    NACK(false, 1, false),
    LINK_STATUS(false, 11, false),
    NOT_SUPPORTED(false, 15, false);

    private final boolean primary;
    private final int code;
    private final boolean carriesUserData;

    LinkFunction(boolean primary, int code, boolean carriesUserData) {
        this.primary = primary;
        this.code = code;
        this.carriesUserData = carriesUserData;
    }

    /** PRM: the frame starts a link transaction (true) or answers one (false). */
    public boolean primary() {
        return primary;
    }

    /** The four-bit code in the control octet. */
    public int code() {
        return code;
    }

    /** Only the two user-data functions carry a transport segment; every other frame is header only. */
    public boolean carriesUserData() {
        return carriesUserData;
    }

    public static Optional<LinkFunction> of(boolean primary, int code) {
        for (LinkFunction f : values()) {
            if (f.primary == primary && f.code == code) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
