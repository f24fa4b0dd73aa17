package io.pqagent.sim.device;

import java.util.Locale;

/** The three faces a master can talk to; the names are the agent's {@code protocol:} names. */
public enum Protocol {
    MODBUS,
    DNP3,
    OPCUA;

    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Protocol parse(String text) {
        for (Protocol p : values()) {
            if (p.text().equals(text)) {
                return p;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a protocol (modbus, dnp3, opcua)");
    }
}
