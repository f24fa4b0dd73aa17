package io.pqagent.qsmp.crypto;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The warm-up behind {@link VectorRoundsGate}: runs {@link VectorRijndael256} on a throw-away key until the
 * JIT has compiled it, checks it against {@link Rijndael256Table} on every block count of a CTR batch, and
 * times both on the same data. Nothing here touches session keys.
 */
final class VectorRoundsTrial {
    /** RCS-512's rounds; RCS-256 runs the same methods with fewer. */
    private static final int ROUNDS = 30;
    private static final int BATCH = 16;
    /** Calls per warm-up attempt; C2 had compiled the rounds after ~150 calls in cold-start probes. */
    private static final int WARM_CALLS = 1_500;
    private static final int ATTEMPTS = 4;
    private static final int TIMED_CALLS = 200;
    /** The vector rounds must beat the table by this factor to be worth the switch. */
    private static final double REQUIRED_SPEED_UP = 1.5;

    /** @param faster whether the gate may open; the times are per 512-byte batch, best of three */
    record Result(boolean faster, boolean matches, double tableNanos, double vectorNanos) {
        String describe() {
            if (!matches) {
                return "table rounds: the vector rounds gave a different result from the table rounds";
            }
            String times = String.format("(%.0f ns against %.0f ns per 512 bytes)", vectorNanos, tableNanos);
            return faster
                    ? "vector rounds (AVX-512) " + times
                    : "table rounds: the vector rounds were not faster " + times;
        }
    }

    private VectorRoundsTrial() {
    }

    static Result run() {
        SplittableRandom random = new SplittableRandom(0x51A7E);
        int[] roundKeys = new int[8 * (ROUNDS + 1)];
        Arrays.setAll(roundKeys, i -> random.nextInt());
        Rijndael256Table table = new Rijndael256Table(ROUNDS, roundKeys);
        Rijndael256 vector = new VectorRijndael256(ROUNDS, table.roundKeyLongs());
        long[] data = new long[4 * BATCH];
        Arrays.setAll(data, i -> random.nextLong());
        Result result = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            for (int i = 0; i < WARM_CALLS; i++) {
                vector.encrypt(data, 0, BATCH);
            }
            if (!matches(table, vector, random)) {
                return new Result(false, false, 0, 0);
            }
            double tableNanos = Double.MAX_VALUE;
            double vectorNanos = Double.MAX_VALUE;
            for (int round = 0; round < 3; round++) {
                tableNanos = Math.min(tableNanos, time(table, data));
                vectorNanos = Math.min(vectorNanos, time(vector, data));
            }
            result = new Result(vectorNanos * REQUIRED_SPEED_UP <= tableNanos, true, tableNanos, vectorNanos);
            if (result.faster()) {
                break;
            }
        }
        return result;
    }

    /** Every block count of a batch, so the padded last vector is checked as well as full ones. */
    private static boolean matches(Rijndael256 table, Rijndael256 vector, SplittableRandom random) {
        for (int count = 1; count <= BATCH + 1; count++) {
            long[] a = new long[4 * count + 4];
            Arrays.setAll(a, i -> random.nextLong());
            long[] b = a.clone();
            table.encrypt(a, 4, count);
            vector.encrypt(b, 4, count);
            if (!Arrays.equals(a, b)) {
                return false;
            }
        }
        return true;
    }

    private static double time(Rijndael256 cipher, long[] data) {
        long start = System.nanoTime();
        for (int i = 0; i < TIMED_CALLS; i++) {
            cipher.encrypt(data, 0, BATCH);
        }
        return (System.nanoTime() - start) / (double) TIMED_CALLS;
    }
}
