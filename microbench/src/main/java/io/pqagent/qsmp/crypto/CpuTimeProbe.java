package io.pqagent.qsmp.crypto;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.Random;

/**
 * A rough companion to the JMH runs for a shared, busy machine: measures the <em>CPU time</em> of this thread
 * (not wall-clock time) for the RCS hot paths, so other processes competing for the cores distort it less.
 * Not a substitute for JMH (no forks, no blackhole); use it to compare variants while tuning.
 *
 * <pre>java -cp microbench/target/microbench.jar io.pqagent.qsmp.crypto.CpuTimeProbe [seconds]</pre>
 */
public final class CpuTimeProbe {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private CpuTimeProbe() {
    }

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
        if (args.length > 1 && args[1].equals("keccak")) {
            keccak(seconds);
            return;
        }
        byte[] header = new byte[21];
        for (RcsVariant v : RcsVariant.values()) {
            for (BlockPath path : BlockPath.values()) {
                for (int size : new int[] {64, 1024, 16384}) {
                    RcsCipher c = RcsCipher.initialize(v, MacMode.KMAC, new byte[v.keySize()], new byte[32], new byte[0], path);
                    byte[] pt = new byte[size];
                    new Random(1).nextBytes(pt);
                    byte[] out = new byte[size + c.tagSize()];
                    Runnable op = () -> {
                        c.setAssociated(header, 0, header.length);
                        c.encrypt(pt, 0, size, out, 0);
                    };
                    report(String.format(Locale.ROOT, "%s %-13s %5d B", v, path, size), size, op, seconds);
                }
            }
        }
        for (RcsVariant v : RcsVariant.values()) {
            RcsCipher q = RcsCipher.initialize(v, MacMode.QMAC, new byte[v.keySize()], new byte[32]);
            byte[] pt = new byte[16384];
            byte[] out = new byte[pt.length + q.tagSize()];
            report(v + " QMAC TABLE 16384 B", pt.length, () -> {
                q.setAssociated(header, 0, header.length);
                q.encrypt(pt, 0, pt.length, out, 0);
            }, seconds);
        }
        keccak(seconds);
    }

    private static void keccak(double seconds) {
        for (int rate : new int[] {72, 136}) {
            KeccakSponge sponge = new KeccakSponge(rate, KeccakF1600.STANDARD_ROUNDS);
            byte[] data = new byte[16384];
            report("Keccak sponge rate " + rate + " 16 KiB", data.length, () -> sponge.absorb(data, 0, data.length), seconds);
            org.bouncycastle.crypto.digests.KeccakDigest bc = new org.bouncycastle.crypto.digests.KeccakDigest(rate == 72 ? 512 : 256);
            report("BC KeccakDigest rate " + rate + " 16 KiB", data.length, () -> bc.update(data, 0, data.length), seconds);
        }
    }

    private static void report(String label, int bytes, Runnable op, double seconds) {
        run(op, seconds / 2);
        long ops = 0;
        long start = THREADS.getCurrentThreadCpuTime();
        long wallStart = System.nanoTime();
        long budget = (long) (seconds * 1e9);
        long cpu;
        do {
            for (int i = 0; i < 64; i++) {
                op.run();
            }
            ops += 64;
            cpu = THREADS.getCurrentThreadCpuTime() - start;
        } while (cpu < budget);
        long wall = System.nanoTime() - wallStart;
        double nsPerOp = (double) cpu / ops;
        System.out.printf(Locale.ROOT, "%-34s %9.3f us/op (cpu)  %8.1f MB/s (cpu)  %8.1f MB/s (wall)%n",
                label, nsPerOp / 1000, bytes * 1e3 / nsPerOp, (double) bytes * ops * 1e3 / wall);
    }

    private static void run(Runnable op, double seconds) {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < end) {
            for (int i = 0; i < 64; i++) {
                op.run();
            }
        }
    }
}
