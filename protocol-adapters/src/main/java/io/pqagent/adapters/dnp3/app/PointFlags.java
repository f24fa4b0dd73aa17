package io.pqagent.adapters.dnp3.app;

/**
 * The flag octet of measured points (IEEE 1815 object library): bits 0..4 mean the same for every type;
 * bits 5..7 depend on it (for binaries bit 7 is the state itself, carried apart in {@link BinaryPoint}).
 */
public final class PointFlags {
    public static final int ONLINE = 0x01;
    public static final int RESTART = 0x02;
    public static final int COMM_LOST = 0x04;
    public static final int REMOTE_FORCED = 0x08;
    public static final int LOCAL_FORCED = 0x10;
    /** Binaries: chatter filter active. */
    public static final int CHATTER_FILTER = 0x20;
    /** Counters: a discontinuity (bit 6). */
    public static final int DISCONTINUITY = 0x40;
    /** Analogs: the value did not fit the variation and was clamped. */
    public static final int OVER_RANGE = 0x20;
    /** Analogs: reference error. */
    public static final int REFERENCE_ERR = 0x40;
    /** Binaries: the state bit inside the flag octet. */
    static final int BINARY_STATE = 0x80;

    private PointFlags() {
    }
}
