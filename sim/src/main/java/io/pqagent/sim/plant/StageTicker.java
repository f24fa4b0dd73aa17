package io.pqagent.sim.plant;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Steps stages in real time: every {@code periodMillis}, each stage advances by the time that really
 * passed (so a late tick does not slow the process down).
 */
public final class StageTicker implements AutoCloseable {
    private final List<WaterStage> stages = new CopyOnWriteArrayList<>();
    private final List<Runnable> afterTick = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    public StageTicker(long periodMillis) {
        if (periodMillis < 1) {
            throw new IllegalArgumentException("tick period must be at least 1 ms");
        }
        thread = new Thread(() -> loop(periodMillis), "stage-ticker");
        thread.setDaemon(true);
        thread.start();
    }

    public void add(WaterStage stage) {
        stages.add(stage);
    }

    /** Runs {@code action} after every tick (e.g. an outstation's event scan, an OPC UA value refresh). */
    public void afterTick(Runnable action) {
        afterTick.add(action);
    }

    private void loop(long periodMillis) {
        long last = System.nanoTime();
        while (running) {
            try {
                Thread.sleep(periodMillis);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            double seconds = (now - last) / 1e9;
            last = now;
            for (WaterStage s : stages) {
                s.advance(seconds);
            }
            for (Runnable r : new ArrayList<>(afterTick)) {
                r.run();
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(5_000);
    }
}
