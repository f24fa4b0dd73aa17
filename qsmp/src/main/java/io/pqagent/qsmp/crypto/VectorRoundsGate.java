package io.pqagent.qsmp.crypto;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Decides, once per JVM, whether {@link BlockPath#AUTO} may move from the table rounds to
 * {@link VectorRijndael256}. The vector rounds are only fast with AVX-512 VBMI and only once C2 has compiled
 * them; before that, or on another CPU, they run hundreds of times slower than the table. So the gate opens
 * only after a warm-up has compiled them, checked them against the table rounds and timed both, and only
 * if they came out clearly faster. The warm-up costs about a second of one core, so it starts only once
 * one cipher has produced {@link #WARM_UP_AFTER_BLOCKS} blocks on the table rounds: a process that moves
 * bulk data, where the switch pays back within seconds. A server that only shakes hands never starts it
 * (a warm-up at a random moment cost such a server, 88 % busy at 1,000 handshakes/s, a backlog of 2.8 s).
 */
final class VectorRoundsGate {
    static final String MODULE = "jdk.incubator.vector";
    /** 1 MiB of keystream through one cipher's table rounds before the warm-up starts. */
    static final long WARM_UP_AFTER_BLOCKS = 32_768;

    /** Why the vector rounds can never be used in this JVM; null when they might. */
    private static final String UNAVAILABLE = probe();
    private static final AtomicBoolean STARTED = new AtomicBoolean();
    private static final CountDownLatch DONE = new CountDownLatch(1);
    private static volatile boolean open;
    /** The warm-up has finished (either way), or can never run here. */
    private static volatile boolean settled = UNAVAILABLE != null;
    private static volatile String outcome = UNAVAILABLE == null ? "table rounds; vector rounds not tried yet" : "table rounds: " + UNAVAILABLE;

    private VectorRoundsGate() {
    }

    /** True once the vector rounds have been warmed up, checked and measured faster. */
    static boolean open() {
        return open;
    }

    /** Starts the warm-up in the background, once per JVM, unless the vector rounds cannot be used here. */
    static void requestWarmUp() {
        if (UNAVAILABLE == null && !STARTED.get() && STARTED.compareAndSet(false, true)) {
            Thread t = new Thread(VectorRoundsGate::warmUp, "qsmp-vector-rounds-warm-up");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            t.start();
        }
    }

    /**
     * Runs the warm-up now in the calling thread, or, if it has already started elsewhere, waits for it to
     * finish (up to a minute); returns whether the gate is open. For tests and benchmarks that must not
     * depend on timing.
     */
    static boolean warmUpNow() throws InterruptedException {
        if (UNAVAILABLE == null && STARTED.compareAndSet(false, true)) {
            warmUp();
        }
        if (UNAVAILABLE == null) {
            DONE.await(1, TimeUnit.MINUTES);
        }
        return open;
    }

    /** Whether the gate has made its final decision (it never changes after that). */
    static boolean settled() {
        return settled;
    }

    /** What AUTO uses in this JVM and why, for operators' logs. */
    static String describe() {
        return outcome;
    }

    private static void warmUp() {
        outcome = "table rounds; vector rounds warming up";
        try {
            VectorRoundsTrial.Result result = VectorRoundsTrial.run();
            outcome = result.describe();
            open = result.faster();
        } catch (RuntimeException | LinkageError e) {
            outcome = "table rounds: vector warm-up failed: " + e;
        } finally {
            settled = true;
            DONE.countDown();
        }
    }

    private static String probe() {
        if (ModuleLayer.boot().findModule(MODULE).isEmpty()) {
            return MODULE + " is not loaded (start the JVM with --add-modules " + MODULE + ")";
        }
        if (!cpuHasVbmi()) {
            return "the CPU does not report AVX-512 VBMI";
        }
        try {
            if (!VectorRijndael256.wideVectorsPreferred()) {
                return "the JVM does not use 512-bit vectors (-XX:UseAVX or -XX:MaxVectorSize?)";
            }
        } catch (LinkageError e) {
            return "the Vector API did not load: " + e;
        }
        return null;
    }

    /**
     * Linux reports VBMI as "avx512vbmi" in /proc/cpuinfo (VBMI2 as "avx512_vbmi2", which is not enough);
     * elsewhere we cannot tell, so no.
     */
    private static boolean cpuHasVbmi() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("flags")) {
                    return (" " + line.substring(line.indexOf(':') + 1) + " ").contains(" avx512vbmi ");
                }
            }
            return false;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
