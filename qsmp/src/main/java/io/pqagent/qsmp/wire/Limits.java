package io.pqagent.qsmp.wire;

/**
 * Our own bounds, stricter than the protocol's (profile rule 11). Every length read from the wire is
 * checked against these before anything of that size is allocated.
 */
public record Limits(int maxTunnelMessage) {
    /** Tunnel packets up to 16 MiB by default. */
    public static final int DEFAULT_MAX_TUNNEL_MESSAGE = 16 * 1024 * 1024;

    public static final Limits DEFAULT = new Limits(DEFAULT_MAX_TUNNEL_MESSAGE);

    public Limits {
        if (maxTunnelMessage <= 0 || maxTunnelMessage > QsmpConstants.MESSAGE_MAX) {
            throw new IllegalArgumentException("maxTunnelMessage must be 1.." + QsmpConstants.MESSAGE_MAX);
        }
    }
}
