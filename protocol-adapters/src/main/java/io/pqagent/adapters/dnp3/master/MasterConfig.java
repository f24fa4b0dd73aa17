package io.pqagent.adapters.dnp3.master;

import java.time.Duration;

/**
 * @param address         the master's link address (source of its frames)
 * @param outstation      the outstation's link address (destination)
 * @param responseTimeout how long to wait for each response fragment
 * @param maxFragment     largest response fragment accepted
 */
public record MasterConfig(int address, int outstation, Duration responseTimeout, int maxFragment) {
    public MasterConfig {
        if (address < 0 || address > 0xFFEF || outstation < 0 || outstation > 0xFFFF) {
            throw new IllegalArgumentException("master address " + address + " (0..65519) or outstation address "
                    + outstation + " (0..65535) out of range");
        }
        if (responseTimeout.isNegative() || responseTimeout.isZero() || maxFragment < 249) {
            throw new IllegalArgumentException("response timeout must be positive and max fragment at least 249");
        }
    }

    /** A 5 s response timeout and fragments up to 2048 octets. */
    public static MasterConfig defaults(int address, int outstation) {
        return new MasterConfig(address, outstation, Duration.ofSeconds(5), 2048);
    }

    public MasterConfig withResponseTimeout(Duration timeout) {
        return new MasterConfig(address, outstation, timeout, maxFragment);
    }
}
