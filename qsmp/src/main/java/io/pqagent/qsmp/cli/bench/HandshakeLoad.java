package io.pqagent.qsmp.cli.bench;

import io.pqagent.qsmp.transport.Tunnel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Drives handshakes and times them. Every handshake is connect, established, close. Those planned to
 * start inside the measured window are measured, and awaited even if they end after it: the warm-up
 * does not blur the figures, and an open loop counts exactly rate × seconds. Failures are counted over
 * the whole run. Latency is from the planned start (open loop) or the actual start (closed loop) to
 * the client's established event.
 */
final class HandshakeLoad {
    /** Open loop: beyond this many unfinished handshakes new ones are not started (and counted as such). */
    static final int MAX_IN_FLIGHT = 4_000;
    private static final long DRAIN_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final Supplier<CompletableFuture<Tunnel>> connect;
    private final long warmupNanos;
    private final long measuredNanos;
    private final Latencies latency = new Latencies();
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicReference<String> firstFailure = new AtomicReference<>();
    private volatile long windowStart;
    private volatile long windowEnd;
    private volatile boolean stopping;
    private Sharing sharing;

    HandshakeLoad(Supplier<CompletableFuture<Tunnel>> connect, int warmupSeconds, int measuredSeconds) {
        this.connect = connect;
        this.warmupNanos = TimeUnit.SECONDS.toNanos(warmupSeconds);
        this.measuredNanos = TimeUnit.SECONDS.toNanos(measuredSeconds);
    }

    /** The figures of one run; {@code cpuNanos} is the whole process's CPU time inside the window. */
    record Result(long completed, long failed, long skipped, double seconds, Latencies.Summary latency, long cpuNanos,
            String firstFailure, Sharing sharing) {
    }

    /** CPU time inside the window spent by other processes and stolen by the hypervisor, or null if unknown. */
    record Sharing(long othersNanos, long stealNanos) {
    }

    /** {@code clients} loops, each starting its next handshake when its previous session has closed. */
    Result closedLoop(int clients) throws InterruptedException {
        // a loop continues on this thread, never inside the completing event loop's stack
        ExecutorService driver = Executors.newSingleThreadExecutor(r -> daemon(r, "bench-driver"));
        long start = System.nanoTime();
        setWindow(start);
        for (int i = 0; i < clients; i++) {
            driver.execute(() -> closedLoopStep(driver));
        }
        long cpu = measureWindow();
        stopping = true;
        driver.shutdown();
        driver.awaitTermination(DRAIN_NANOS, TimeUnit.NANOSECONDS);
        return drain(cpu);
    }

    private void closedLoopStep(ExecutorService driver) {
        if (stopping) {
            return;
        }
        long planned = System.nanoTime();
        one(planned).whenComplete((x, e) -> {
            try {
                driver.execute(() -> closedLoopStep(driver));
            } catch (RejectedExecutionException stopped) {
                // the run is over
            }
        });
    }

    /** One handshake started every {@code 1/rate} s on a dedicated thread, whatever the previous ones do. */
    Result openLoop(int rate) throws InterruptedException {
        long start = System.nanoTime();
        setWindow(start);
        double interval = 1e9 / rate;
        Thread dispatcher = daemon(() -> {
            for (long i = 0; ; i++) {
                long planned = start + (long) (i * interval);
                long wait = planned - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                if (stopping) {
                    return;
                }
                if (inFlight.get() >= MAX_IN_FLIGHT) {
                    if (inWindow(planned)) {
                        skipped.incrementAndGet();
                    }
                    continue;
                }
                one(planned);
            }
        }, "bench-dispatcher");
        dispatcher.start();
        long cpu = measureWindow();
        stopping = true;
        dispatcher.join(TimeUnit.NANOSECONDS.toMillis(DRAIN_NANOS));
        return drain(cpu);
    }

    /** Connect, and once established, close; records the latency if the handshake lies in the window. */
    private CompletableFuture<Void> one(long planned) {
        inFlight.incrementAndGet();
        CompletableFuture<Void> done = new CompletableFuture<>();
        CompletableFuture<Tunnel> handshake;
        try {
            handshake = connect.get();
        } catch (RuntimeException e) {
            handshake = CompletableFuture.failedFuture(e);
        }
        handshake.whenComplete((tunnel, e) -> {
            long now = System.nanoTime();
            if (e != null) {
                failed.incrementAndGet();
                firstFailure.compareAndSet(null, String.valueOf(e.getCause() != null ? e.getCause() : e));
                inFlight.decrementAndGet();
                done.complete(null);
                return;
            }
            if (inWindow(planned)) {
                latency.add(now - planned);
                completed.incrementAndGet();
            }
            tunnel.close().whenComplete((closed, ce) -> {
                inFlight.decrementAndGet();
                done.complete(null);
            });
        });
        return done;
    }

    private void setWindow(long start) {
        windowStart = start + warmupNanos;
        windowEnd = windowStart + measuredNanos;
    }

    /** Whether a handshake planned at {@code planned} is measured: the window selects by start time. */
    private boolean inWindow(long planned) {
        return planned >= windowStart && planned < windowEnd;
    }

    /** Sleeps through the warm-up and the window; returns the process's CPU time inside the window. */
    private long measureWindow() throws InterruptedException {
        sleepUntil(windowStart);
        long cpu0 = ProcessFigures.processCpuNanos();
        ProcessFigures.MachineCpu machine0 = ProcessFigures.machineCpu();
        sleepUntil(windowEnd);
        long cpu1 = ProcessFigures.processCpuNanos();
        ProcessFigures.MachineCpu machine1 = ProcessFigures.machineCpu();
        long cpu = cpu0 < 0 ? -1 : cpu1 - cpu0;
        if (machine0 != null && machine1 != null && cpu >= 0) {
            sharing = new Sharing(Math.max(0, machine1.busyNanos() - machine0.busyNanos() - cpu),
                    machine1.stealNanos() - machine0.stealNanos());
        }
        return cpu;
    }

    /** Waits (bounded) for the handshakes still running, so that none outlives the networks. */
    private Result drain(long cpuNanos) throws InterruptedException {
        long drainDeadline = System.nanoTime() + DRAIN_NANOS;
        while (inFlight.get() > 0 && System.nanoTime() < drainDeadline) {
            Thread.sleep(10);
        }
        return new Result(completed.get(), failed.get(), skipped.get(), measuredNanos / 1e9, latency.summary(),
                cpuNanos, firstFailure.get(), sharing);
    }

    private static void sleepUntil(long deadline) throws InterruptedException {
        long wait;
        while ((wait = deadline - System.nanoTime()) > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
