package io.pqagent.qsmp.cli.bench;

import io.pqagent.qsmp.transport.Tunnel;
import io.pqagent.qsmp.transport.TunnelHandler;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The sending side of the throughput benchmark: it sends messages and counts their echoes, either with
 * a window of messages in flight or one round trip at a time. One phase at a time.
 */
final class EchoInbox implements TunnelHandler {
    private volatile Semaphore window;
    private volatile CountDownLatch remaining;
    private volatile CompletableFuture<byte[]> next;
    private volatile int expectedSize;
    private volatile boolean wrongSize;

    @Override
    public void onMessage(Tunnel tunnel, byte[] message) {
        if (message.length != expectedSize) {
            wrongSize = true;
        }
        CompletableFuture<byte[]> waiting = next;
        if (waiting != null) {
            waiting.complete(message);
            return;
        }
        window.release();
        remaining.countDown();
    }

    @Override
    public void onClosed(Tunnel tunnel, io.pqagent.qsmp.transport.TunnelClosed why) {
        CompletableFuture<byte[]> waiting = next;
        if (waiting != null) {
            waiting.completeExceptionally(new IllegalStateException("tunnel closed: " + why));
        }
    }

    /** Sends {@code count} copies of {@code message}, at most {@code inFlight} unanswered; returns the nanoseconds until the last echo. */
    long pipelined(Tunnel tunnel, byte[] message, int count, int inFlight, long waitSeconds) throws Exception {
        next = null;
        expectedSize = message.length;
        window = new Semaphore(inFlight);
        remaining = new CountDownLatch(count);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            if (!window.tryAcquire(waitSeconds, TimeUnit.SECONDS)) {
                throw new TimeoutException("no echo within " + waitSeconds + " s");
            }
            tunnel.send(message);
        }
        if (!remaining.await(waitSeconds, TimeUnit.SECONDS)) {
            throw new TimeoutException(remaining.getCount() + " echoes missing after " + waitSeconds + " s");
        }
        long nanos = System.nanoTime() - start;
        check();
        return nanos;
    }

    /** {@code count} sequential round trips: send, wait for the echo. */
    Latencies roundTrips(Tunnel tunnel, byte[] message, int count, long waitSeconds) throws Exception {
        expectedSize = message.length;
        Latencies rtt = new Latencies();
        for (int i = 0; i < count; i++) {
            CompletableFuture<byte[]> echo = new CompletableFuture<>();
            next = echo;
            long t0 = System.nanoTime();
            tunnel.send(message);
            echo.get(waitSeconds, TimeUnit.SECONDS);
            rtt.add(System.nanoTime() - t0);
        }
        next = null;
        check();
        return rtt;
    }

    private void check() {
        if (wrongSize) {
            throw new IllegalStateException("an echo came back with a different size");
        }
    }
}
