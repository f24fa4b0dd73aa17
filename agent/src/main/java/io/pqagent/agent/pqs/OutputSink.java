package io.pqagent.agent.pqs;

/** Where a command's output goes, chunk by chunk (each at most {@link PqsLimits#MAX_CHUNK} bytes). */
@FunctionalInterface
public interface OutputSink {
    /** @param stream 1 stdout, 2 stderr; called from the reader threads, one call at a time */
    void chunk(int stream, byte[] data);
}
