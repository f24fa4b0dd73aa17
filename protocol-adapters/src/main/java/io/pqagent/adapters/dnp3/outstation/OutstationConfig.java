package io.pqagent.adapters.dnp3.outstation;

import java.time.Duration;

/**
 * @param address       this outstation's link address; frames to any other address are ignored
 * @param selectTimeout how long a SELECT stays armed for its OPERATE (IEEE 1815 select-before-operate)
 * @param maxFragment   largest fragment sent or accepted; responses are always a single fragment
 * @param eventCapacity events held until confirmed; beyond it the oldest is lost and IIN2.3 set
 * @param maxControls   most CROBs in one request; more are refused with TOO_MANY_OBJS
 */
public record OutstationConfig(int address, Duration selectTimeout, int maxFragment, int eventCapacity, int maxControls) {
    public OutstationConfig {
        if (address < 0 || address > 0xFFEF) {
            throw new IllegalArgumentException("outstation address " + address + " is not 0..65519 (above are reserved)");
        }
        if (selectTimeout.isNegative() || selectTimeout.isZero()) {
            throw new IllegalArgumentException("select timeout must be positive");
        }
        if (maxFragment < 249 || maxFragment > 65_536 || eventCapacity < 1 || maxControls < 1) {
            throw new IllegalArgumentException("max fragment " + maxFragment + " (249..65536), event capacity "
                    + eventCapacity + " and max controls " + maxControls + " (positive)");
        }
    }

    /** Address {@code address}; select timeout 5 s, 2048-octet fragments, 1000 events, 16 controls per request. */
    public static OutstationConfig defaults(int address) {
        return new OutstationConfig(address, Duration.ofSeconds(5), 2048, 1000, 16);
    }
}
