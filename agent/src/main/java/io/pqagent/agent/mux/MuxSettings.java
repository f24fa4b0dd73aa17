package io.pqagent.agent.mux;

/**
 * Our own tuning of a multiplexer (the wire constants are in {@link MuxLimits}).
 *
 * @param receiveWindow      bytes a peer may have in flight plus buffered here per stream,
 *                           {@value MuxLimits#INITIAL_WINDOW}..{@value MuxLimits#MAX_WINDOW}
 * @param writeHighWater     pending outgoing bytes per stream at which {@link MuxStream#write} says stop
 * @param chunkBytes         most bytes one stream sends per scheduler turn (fairness between streams)
 * @param maxMessageBytes    largest tunnel message this side builds
 * @param maxPeerStreams     most streams the peer may hold open here at once
 * @param maxControlBytes    most bytes of control frames (encoded) waiting for the tunnel; a peer whose
 *                           frames push the queue past it breaks the tunnel ({@link MuxError#CONTROL_QUEUE_FULL}),
 *                           and local opens are refused at it
 */
public record MuxSettings(int receiveWindow, int writeHighWater, int chunkBytes, int maxMessageBytes,
        int maxPeerStreams, int maxControlBytes) {

    /**
     * 1 MiB of control frames: a few MiB of heap at worst. A well-behaved peer with every stream busy owes
     * a few frames per stream (OPEN_OK, a WINDOW or two, CLOSE), tens of KiB for 1024 streams; only a peer
     * that sends without reading what we answer gets near it.
     */
    public static final int DEFAULT_MAX_CONTROL_BYTES = 1024 * 1024;

    public static final MuxSettings DEFAULT = new MuxSettings(MuxLimits.MAX_WINDOW, 64 * 1024, 16 * 1024,
            128 * 1024, 1024, DEFAULT_MAX_CONTROL_BYTES);

    /** The settings with the default control-queue cap. */
    public MuxSettings(int receiveWindow, int writeHighWater, int chunkBytes, int maxMessageBytes, int maxPeerStreams) {
        this(receiveWindow, writeHighWater, chunkBytes, maxMessageBytes, maxPeerStreams, DEFAULT_MAX_CONTROL_BYTES);
    }

    public MuxSettings {
        if (receiveWindow < MuxLimits.INITIAL_WINDOW || receiveWindow > MuxLimits.MAX_WINDOW) {
            throw new IllegalArgumentException("receiveWindow must be " + MuxLimits.INITIAL_WINDOW + ".."
                    + MuxLimits.MAX_WINDOW);
        }
        if (writeHighWater < 1 || writeHighWater > 16 * 1024 * 1024) {
            throw new IllegalArgumentException("writeHighWater must be 1..16 MiB");
        }
        if (chunkBytes < 1 || chunkBytes > MuxLimits.MAX_DATA) {
            throw new IllegalArgumentException("chunkBytes must be 1.." + MuxLimits.MAX_DATA);
        }
        int smallest = 1 + MuxLimits.FRAME_HEADER_BYTES + 1 + MuxLimits.MAX_SERVICE_NAME + 2 + MuxLimits.MAX_PARAMETER;
        if (maxMessageBytes < smallest || maxMessageBytes > MuxLimits.MAX_MESSAGE) {
            throw new IllegalArgumentException("maxMessageBytes must be " + smallest + ".." + MuxLimits.MAX_MESSAGE
                    + " so any single control frame fits");
        }
        if (maxPeerStreams < 1) {
            throw new IllegalArgumentException("maxPeerStreams must be at least 1");
        }
        if (maxControlBytes < smallest) {
            throw new IllegalArgumentException("maxControlBytes must be at least " + smallest
                    + " so the largest control frame can wait");
        }
    }
}
