package io.pqagent.sim.master;

import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The loop every master runs on its own thread, at its rate: connect (again, with a growing pause, after
 * a failure), poll the stage and check the slot's count against the {@link SlotLedger}, every
 * {@code writeEvery} cycles send a command and read the count back, and carry out probes the runner asks
 * for. A command whose outcome is unknown closes the connection: the next count read decides it.
 *
 * <p>The commands follow the process like a simple controller would: the valve goes to a random setpoint
 * between 20 and 80 %, the pump starts above 3 m and stops below 2 m.
 */
public abstract class PollingMaster implements AutoCloseable {
    protected final MasterSettings settings;
    private final LatencyLog latency;
    private final SlotLedger ledger = new SlotLedger();
    private final Random random;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong connects = new AtomicLong();
    private final AtomicLong lastSuccessNanos = new AtomicLong();
    private final AtomicReference<String> lastError = new AtomicReference<>("");
    private final AtomicInteger probesAsked = new AtomicInteger();
    private final AtomicInteger probeSlot = new AtomicInteger(-1);
    private final AtomicLong probesDenied = new AtomicLong();
    private final AtomicLong probesCarriedOut = new AtomicLong();
    private final AtomicLong probesFailed = new AtomicLong();
    private final AtomicLong notifications = new AtomicLong();
    private volatile boolean running = true;
    private volatile double lastLevel = 2.5;
    private boolean connected;
    private long cycle;
    private int writes;
    private Thread thread;

    protected PollingMaster(MasterSettings settings, LatencyLog latency) {
        this.settings = settings;
        this.latency = latency;
        this.random = new Random(settings.name().hashCode());
    }

    public MasterSettings settings() {
        return settings;
    }

    public SlotLedger ledger() {
        return ledger;
    }

    /** Opens the connection (and whatever session the protocol needs). */
    protected abstract void open() throws Exception;

    /** Closes the connection quietly. */
    protected abstract void shut();

    /** Reads the process values and this master's slot count (one or more timed requests); returns the count. */
    protected abstract long poll() throws Exception;

    /** Sends {@code command} through the slot; never throws: an I/O failure is {@link WriteOutcome#UNKNOWN}. */
    protected abstract WriteOutcome send(Command command);

    /**
     * After an acknowledged command, reads back what the protocol lets it read of that command (none by
     * default) and reports a mismatch to the ledger.
     */
    protected void verify(Command command) throws Exception {
    }

    /** Sends a write through {@code slot}, which the policy in front of the device must refuse. */
    protected abstract ProbeResult probe(int slot);

    /** Runs {@code request}, adds its round trip to the protocol's latencies and counts it. */
    protected final <T> T timed(Request<T> request) throws Exception {
        long start = System.nanoTime();
        T result = request.call();
        latency.add(System.nanoTime() - start);
        requests.incrementAndGet();
        return result;
    }

    /** Like {@link #timed} for a request that was answered with a refusal (still a measured round trip). */
    protected final void timedRefusal(long startNanos) {
        latency.add(System.nanoTime() - startNanos);
        requests.incrementAndGet();
    }

    /** A request of the protocol. */
    @FunctionalInterface
    protected interface Request<T> {
        T call() throws Exception;
    }

    /** Counts a value the device pushed (an OPC UA data change). */
    protected final void noteNotification() {
        notifications.incrementAndGet();
    }

    /** The level the last poll read, metres (the controller's input). */
    protected final void sawLevel(double metres) {
        lastLevel = metres;
    }

    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("master " + settings.name() + " already started");
        }
        thread = new Thread(this::loop, "master-" + settings.name());
        thread.setDaemon(true);
        thread.start();
    }

    /** Asks the loop to send one probe through {@code slot} in its next cycle. */
    public void requestProbe(int slot) {
        probeSlot.set(slot);
        probesAsked.incrementAndGet();
    }

    private void loop() {
        long period = (long) (1e9 / settings.ratePerSecond());
        long next = System.nanoTime();
        long pause = 100;
        while (running) {
            try {
                if (!connected) {
                    connects.incrementAndGet();
                    open();
                    connected = true;
                }
                cycleOnce();
                lastSuccessNanos.set(System.nanoTime());
                pause = 100;
            } catch (InterruptedException e) {
                break;
            } catch (Exception e) {
                if (!running) {
                    break; // stopped mid-request: the stop, not a failure of the link
                }
                fail(e);
                sleep(pause);
                pause = Math.min(2_000, pause * 2);
                next = System.nanoTime();
            }
            next += period;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                sleep(wait / 1_000_000);
            } else {
                next = System.nanoTime(); // behind: no burst to catch up
            }
        }
        shut();
    }

    private void cycleOnce() throws Exception {
        ledger.check(poll(), settings.name());
        cycle++;
        if (settings.writeEvery() > 0 && cycle % settings.writeEvery() == 0) {
            Command command = nextCommand();
            WriteOutcome outcome = send(command);
            ledger.record(outcome);
            if (outcome == WriteOutcome.UNKNOWN) {
                throw new java.io.IOException("command unanswered: " + lastError.get());
            }
            if (outcome == WriteOutcome.ACKNOWLEDGED) {
                verify(command);
            }
            ledger.check(poll(), settings.name() + " after a write");
        }
        int slot = probeSlot.getAndSet(-1);
        if (slot >= 0) {
            switch (probe(slot)) {
                case DENIED -> probesDenied.incrementAndGet();
                case CARRIED_OUT -> probesCarriedOut.incrementAndGet();
                case FAILED -> {
                    probesFailed.incrementAndGet();
                    throw new java.io.IOException("probe failed: " + lastError.get());
                }
            }
        }
    }

    private Command nextCommand() {
        writes++;
        if (writes % 2 == 1) {
            return Command.valve(Math.round((20 + 60 * random.nextDouble()) * 10) / 10.0);
        }
        double level = lastLevel;
        return Command.pump(level > 3.0 || (level >= 2.0 && random.nextBoolean()));
    }

    /** Records a failure: counted, kept as the last error, and the connection is dropped. */
    protected final void fail(Exception e) {
        errors.incrementAndGet();
        lastError.set(e.getClass().getSimpleName() + ": " + e.getMessage());
        if (connected) {
            shut();
            connected = false;
        }
    }

    /** Notes an error text without dropping the connection (for a probe or a command that ended in error). */
    protected final void noteError(Exception e) {
        lastError.set(e.getClass().getSimpleName() + ": " + e.getMessage());
    }

    private static void sleep(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public MasterReport report() {
        return new MasterReport(settings.name(), settings.protocol(), requests.get(), errors.get(),
                Math.max(0, connects.get() - 1), lastError.get(), ledger.acknowledged(), ledger.refused(),
                ledger.unknown(), ledger.checks(), ledger.violations(), probesAsked.get(), probesDenied.get(),
                probesCarriedOut.get(), probesFailed.get(), notifications.get());
    }

    /** When the last cycle succeeded ({@link System#nanoTime()}), 0 before the first. */
    public long lastSuccessNanos() {
        return lastSuccessNanos.get();
    }

    public long requests() {
        return requests.get();
    }

    public long errors() {
        return errors.get();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null) {
            t.interrupt();
            t.join(10_000);
        }
    }
}
