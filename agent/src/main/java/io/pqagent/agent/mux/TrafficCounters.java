package io.pqagent.agent.mux;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Traffic of one stream or one service. Written on the multiplexer's thread; readable from any thread
 * (a metrics scrape), hence atomics.
 */
public final class TrafficCounters {
    private final AtomicLong streamsOpened = new AtomicLong();
    private final AtomicLong streamsReset = new AtomicLong();
    private final AtomicLong bytesSent = new AtomicLong();
    private final AtomicLong bytesReceived = new AtomicLong();
    private final AtomicLong framesSent = new AtomicLong();
    private final AtomicLong framesReceived = new AtomicLong();

    /** A consistent-enough copy for export. */
    public record Snapshot(long streamsOpened, long streamsReset, long bytesSent, long bytesReceived,
            long dataFramesSent, long dataFramesReceived) {
    }

    public Snapshot snapshot() {
        return new Snapshot(streamsOpened.get(), streamsReset.get(), bytesSent.get(), bytesReceived.get(),
                framesSent.get(), framesReceived.get());
    }

    void opened() {
        streamsOpened.incrementAndGet();
    }

    void reset() {
        streamsReset.incrementAndGet();
    }

    void sent(int bytes) {
        bytesSent.addAndGet(bytes);
        framesSent.incrementAndGet();
    }

    void received(int bytes) {
        bytesReceived.addAndGet(bytes);
        framesReceived.incrementAndGet();
    }
}
