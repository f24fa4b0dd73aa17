package io.pqagent.adapters.opcua;

/**
 * The sequence numbers one side of a None-security channel sees from the other, as the filter hands
 * them out. OPC 10000-6 §6.7.2.5 wants each chunk to carry the previous number plus one (Milo's decoder
 * refuses anything else with Bad_SecurityChecksFailed). The filter drops denied requests on their way
 * to the server and adds ServiceFaults on the way to the client, so it cannot pass the senders' numbers
 * through: it numbers every chunk it forwards itself, starting where the sender started, and the
 * receiver sees an unbroken run.
 */
final class SequenceNumbers {
    /** §6.7.2.5: no wrap before 4 294 966 271 (UInt32.MaxValue − 1024); after it, a number below 1024. */
    static final long WRAP_AFTER = 4_294_966_271L;

    private long next = -1;

    boolean started() {
        return next >= 0;
    }

    /** Starts at the sender's own first number, so a stream where nothing is dropped or added is unchanged. */
    void startAt(long first) {
        if (!started()) {
            next = first;
        }
    }

    /** The number for the next chunk out. */
    long take() {
        if (!started()) {
            throw new IllegalStateException("no sequence number seen yet");
        }
        long n = next;
        next = after(n);
        return n;
    }

    static long after(long n) {
        return n >= WRAP_AFTER ? 1 : n + 1;
    }
}
