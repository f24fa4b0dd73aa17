package io.pqagent.agent.filter;

/**
 * Inspects one forwarded stream on the agent that connects to the target (the side that holds the
 * PLC and cannot trust its peer), in both directions. A filter is stateful per stream: it may buffer a
 * partial protocol frame until the rest arrives. Calls for one stream never overlap.
 */
public interface StreamFilter {

    /** Bytes from the side that opened the stream (the master), on their way to the target. */
    void fromOpener(byte[] data, FilterOutput out);

    /** Bytes from the target, on their way back to the master. */
    void fromTarget(byte[] data, FilterOutput out);
}
