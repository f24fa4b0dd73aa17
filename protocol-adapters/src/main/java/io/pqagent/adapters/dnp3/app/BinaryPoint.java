package io.pqagent.adapters.dnp3.app;

import java.util.OptionalLong;

/**
 * A binary input or binary output status, static (g1, g10) or event (g2). {@code flags} is the flag octet
 * without its state bit (variations without flags read as {@link PointFlags#ONLINE}); {@code time} is DNP3
 * time, milliseconds since 1970-01-01 UTC, for variations that carry it.
 */
public record BinaryPoint(int flags, boolean state, OptionalLong time) implements DnpObject {
    public BinaryPoint {
        if ((flags & ~0x7F) != 0) {
            throw new IllegalArgumentException("binary flags 0x" + Integer.toHexString(flags) + " use the state bit");
        }
    }

    public static BinaryPoint online(boolean state) {
        return new BinaryPoint(PointFlags.ONLINE, state, OptionalLong.empty());
    }
}
