package io.pqagent.adapters.modbus;

import java.util.Locale;

/** Whether a request reads or writes the addresses it names; a policy lists ranges per kind. */
public enum Access {
    READ,
    WRITE;

    /** The section name in a policy: {@code read} or {@code write}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
