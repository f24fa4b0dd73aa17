package io.pqagent.sim.master;

import io.pqagent.sim.device.Protocol;
import io.pqagent.sim.plant.CommandSlots;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * One master.
 *
 * @param name        for the summary and messages
 * @param protocol    which face it talks to
 * @param target      where it connects: an agent's service port, or a device directly
 * @param slot        its command slot on the stage
 * @param ratePerSecond poll cycles per second
 * @param writeEvery  every this many cycles it also sends a command (0: never)
 * @param timeout     how long it waits for a connection or an answer
 */
public record MasterSettings(String name, Protocol protocol, InetSocketAddress target, int slot, double ratePerSecond,
        int writeEvery, Duration timeout) {
    public MasterSettings {
        CommandSlots.check(slot);
        if (!(ratePerSecond > 0 && ratePerSecond <= 1000)) {
            throw new IllegalArgumentException("master " + name + ": rate " + ratePerSecond + "/s is not in (0, 1000]");
        }
        if (writeEvery < 0) {
            throw new IllegalArgumentException("master " + name + ": write-every must be >= 0");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("master " + name + ": timeout must be positive");
        }
    }

    public int timeoutMillis() {
        return (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
    }
}
