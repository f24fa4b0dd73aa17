package io.pqagent.qsmp.crypto;

import java.util.Random;

/**
 * Cold-start probe for the Vector API experiment: in a fresh JVM, how long do the first calls of one path take
 * (16 blocks = 512 bytes each, RCS-512's 30 rounds) before C2 has compiled it? The Vector API runs as plain
 * Java (one object per operation) until C2 compiles the caller, and C1 gives up on the big round methods, so
 * the first messages of a process would be much slower than with the table path, which is why
 * {@link VectorRoundsGate} warms them up before {@link BlockPath#AUTO} uses them. Run each path in its own JVM:
 *
 * <pre>java --add-modules=jdk.incubator.vector -cp microbench/target/microbench.jar \
 *     io.pqagent.qsmp.crypto.VectorRijndaelColdStart VECTOR</pre>
 */
public final class VectorRijndaelColdStart {
    private VectorRijndaelColdStart() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: VectorRijndaelColdStart TABLE|VECTOR");
        }
        Random random = new Random(11);
        int[] rk = new int[8 * 31];
        for (int i = 0; i < rk.length; i++) {
            rk[i] = random.nextInt();
        }
        Rijndael256 cipher = VectorRijndaelBenchmark.create(args[0], 30, rk);
        long[] blocks = new long[4 * 16];
        long start = System.nanoTime();
        long sink = 0;
        int[] marks = {1, 10, 100, 1_000, 10_000, 100_000};
        int next = 0;
        long previous = start;
        int previousCalls = 0;
        for (int call = 1; call <= marks[marks.length - 1]; call++) {
            cipher.encrypt(blocks, 0, 16);
            sink += blocks[call & 63];
            if (call == marks[next]) {
                long now = System.nanoTime();
                double windowMs = (now - previous) / 1e6;
                double mbPerS = (call - previousCalls) * 512.0 / ((now - previous) / 1e9) / 1e6;
                System.out.printf("%s: %7d calls after %9.1f ms (calls %d..%d: %.1f MB/s)%n", args[0], call,
                        (now - start) / 1e6, previousCalls + 1, call, mbPerS);
                previous = now;
                previousCalls = call;
                next++;
            }
        }
        System.out.println("(sink " + (sink & 1) + ")");
    }
}
