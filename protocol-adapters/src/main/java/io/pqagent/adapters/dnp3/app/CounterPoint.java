package io.pqagent.adapters.dnp3.app;

import java.util.OptionalLong;

/** A counter, static (g20) or event (g22): an unsigned value of 16 or 32 bits, its flags, and its time if any. */
public record CounterPoint(int flags, long value, OptionalLong time) implements DnpObject {
    public CounterPoint {
        if ((flags & ~0xFF) != 0 || value < 0 || value > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("counter flags 0x" + Integer.toHexString(flags) + " value " + value
                    + ": flags are one octet, values 0..2^32-1");
        }
    }

    public static CounterPoint online(long value) {
        return new CounterPoint(PointFlags.ONLINE, value, OptionalLong.empty());
    }
}
