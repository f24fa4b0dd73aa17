package io.pqagent.adapters.dnp3.app;

import java.util.OptionalLong;

/**
 * An analog input (g30), analog input event (g32) or analog output status (g40). Integer variations carry
 * the value rounded and clamped to their width, with {@link PointFlags#OVER_RANGE} set when clamped.
 */
public record AnalogPoint(int flags, double value, OptionalLong time) implements DnpObject {
    public AnalogPoint {
        if ((flags & ~0xFF) != 0) {
            throw new IllegalArgumentException("analog flags 0x" + Integer.toHexString(flags) + " exceed one octet");
        }
    }

    public static AnalogPoint online(double value) {
        return new AnalogPoint(PointFlags.ONLINE, value, OptionalLong.empty());
    }
}
