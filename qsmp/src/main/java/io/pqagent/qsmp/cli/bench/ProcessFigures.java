package io.pqagent.qsmp.cli.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the benchmarks read about their own process: live heap, resident memory, CPU time. */
final class ProcessFigures {
    private ProcessFigures() {
    }

    /** Heap in use after full collections, so that only reachable objects count. */
    static long heapAfterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) { // until it stops shrinking: finalizable and soft garbage goes in rounds
            System.gc();
            Thread.sleep(100);
            long now = memory.getHeapMemoryUsage().getUsed();
            if (now >= used) {
                return Math.min(used, now);
            }
            used = now;
        }
        return used;
    }

    /** Heap the JVM has taken from the system; resident memory grows with it, whatever is live. */
    static long heapCommitted() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted();
    }

    /** VmRSS of /proc/self/status in bytes, or -1 where there is no /proc. */
    static long residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    String kib = line.substring("VmRSS:".length()).replace("kB", "").trim();
                    return Long.parseLong(kib) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** CPU time of the whole process in nanoseconds, or -1 if the JVM does not say. */
    static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    /**
     * The whole machine's CPU time from /proc/stat (all processes), in nanoseconds: busy (user, nice,
     * system, irq, softirq) and stolen by the hypervisor; {@code null} where there is no /proc. A benchmark
     * subtracts its own CPU time from the busy time to show how much other work shared the cores.
     */
    static MachineCpu machineCpu() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long tick = 10_000_000L; // USER_HZ is 100 on Linux for every architecture the JVM runs on
            long busy = 0;
            for (int i : new int[] {1, 2, 3, 6, 7}) {
                busy += Long.parseLong(f[i]);
            }
            return new MachineCpu(busy * tick, Long.parseLong(f[8]) * tick);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    record MachineCpu(long busyNanos, long stealNanos) {
    }

    static String mib(long bytes) {
        return String.format("%.1f MiB", bytes / 1048576.0);
    }

    static String jvmFlags() {
        return String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments());
    }

    /** Cores, Java, OS, and the load average: other work on a shared machine skews every figure. */
    static String machine() {
        String load;
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            load = ", load average " + f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            load = "";
        }
        return Runtime.getRuntime().availableProcessors() + " cores, Java " + Runtime.version() + ", "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch") + load;
    }
}
