package io.pqagent.qsmp.crypto;

import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Feasibility experiment: the table-driven Rijndael-256 ({@link Rijndael256Table}) against the Vector API
 * prototype ({@link VectorRijndael256}) in the same run, RCS-512's 30 rounds, on {@code blocks} independent
 * blocks per operation (16 = the 512 bytes RCS CTR mode hands over per call; 512 = 16 KiB). Throughput is
 * ops/s; MB/s = ops/s x 32 x blocks / 1e6.
 *
 * <p>{@code encrypt} is the bare block function; {@code ctr} is the RCS CTR keystream XORed onto a message of
 * 32 x blocks bytes ({@link RcsCounterMode}, the table path's run cache for rounds 1-2 included), i.e. the
 * Rijndael share of RCS AEAD.
 *
 * <p>Setup checks the vector path against the table path on random keys and blocks and throws on mismatch.
 *
 * <pre>java -jar microbench/target/microbench.jar VectorRijndaelBenchmark -f 1 -wi 3 -w 2s -i 5 -r 2s</pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
@State(Scope.Thread)
public class VectorRijndaelBenchmark {
    /** TABLE: {@link Rijndael256Table}; VECTORg: {@link VectorRijndael256} with g vectors per round loop;
     * VECTORMEM: its in-memory variant. */
    @Param({"TABLE", "VECTOR1", "VECTOR2", "VECTOR4", "VECTOR8", "VECTORMEM"})
    public String path;

    @Param({"16", "512"})
    public int blocks;

    @Param({"30"})
    public int rounds;

    private long[] state;
    private byte[] message;
    private byte[] out;
    private Rijndael256 cipher;
    private RcsCounterMode ctr;

    @Setup(Level.Trial)
    public void setUp() {
        check(rounds);
        check(22);
        Random random = new Random(7);
        int[] rk = randomKeys(random, rounds);
        cipher = create(path, rounds, rk);
        state = new long[4 * blocks];
        for (int i = 0; i < state.length; i++) {
            state[i] = random.nextLong();
        }
        message = new byte[32 * blocks];
        random.nextBytes(message);
        out = new byte[message.length];
        byte[] nonce = new byte[RcsVariant.NONCE_SIZE];
        random.nextBytes(nonce);
        ctr = new RcsCounterMode(create(path, rounds, rk), nonce);
    }

    /** The bare block function on {@code blocks} independent blocks, in place. */
    @Benchmark
    public long[] encrypt() {
        cipher.encrypt(state, 0, blocks);
        return state;
    }

    /** RCS CTR keystream over 32 x {@code blocks} bytes. */
    @Benchmark
    public byte[] ctr() {
        ctr.transform(message, 0, out, 0, message.length);
        return out;
    }

    static Rijndael256 create(String path, int rounds, int[] rk) {
        return switch (path) {
            case "TABLE" -> new Rijndael256Table(rounds, rk);
            case "VECTOR1" -> new VectorRijndael256(rounds, rk, 1);
            case "VECTOR2" -> new VectorRijndael256(rounds, rk, 2);
            case "VECTOR4" -> new VectorRijndael256(rounds, rk, 4);
            case "VECTOR8" -> new VectorRijndael256(rounds, rk, 8);
            case "VECTORMEM" -> new VectorRijndael256(rounds, rk, VectorRijndael256.IN_MEMORY);
            default -> throw new IllegalArgumentException("unknown path " + path);
        };
    }

    private static int[] randomKeys(Random random, int rounds) {
        int[] rk = new int[8 * (rounds + 1)];
        for (int i = 0; i < rk.length; i++) {
            rk[i] = random.nextInt();
        }
        return rk;
    }

    /**
     * Vector path == table path on random keys, for every block count 1..40 (full groups of 16, 8 and 4, single
     * vectors and an odd last block), single-block entry and CTR keystream; throws on the first mismatch.
     */
    static void check(int rounds) {
        Random random = new Random(rounds * 1_000_003L);
        for (int key = 0; key < 20; key++) {
            int[] rk = randomKeys(random, rounds);
            for (int group : new int[] {1, 2, 4, 8, VectorRijndael256.IN_MEMORY}) {
                check(rounds, key, rk, random, new VectorRijndael256(rounds, rk, group));
            }
        }
    }

    private static void check(int rounds, int key, int[] rk, Random random, VectorRijndael256 vector) {
        Rijndael256 table = new Rijndael256Table(rounds, rk);
        for (int count = 1; count <= 40; count++) {
            long[] a = new long[4 * count + 8];
            for (int i = 0; i < a.length; i++) {
                a[i] = random.nextLong();
            }
            long[] b = a.clone();
            table.encrypt(a, 4, count);
            vector.encrypt(b, 4, count);
            if (!Arrays.equals(a, b)) {
                throw new IllegalStateException("vector path differs from table path: " + vector.describe()
                        + ", key " + key + ", count " + count);
            }
        }
        int[] one = new int[8];
        for (int i = 0; i < 8; i++) {
            one[i] = random.nextInt();
        }
        int[] two = one.clone();
        table.encrypt(one);
        vector.encrypt(two);
        if (!Arrays.equals(one, two)) {
            throw new IllegalStateException("single-block vector path differs: " + vector.describe());
        }
        // a counter about to carry out of byte 0 and the low limb
        long[] c1 = {-3L, random.nextLong(), random.nextLong(), random.nextLong()};
        long[] c2 = c1.clone();
        long[] k1 = new long[4 * 16];
        long[] k2 = new long[4 * 16];
        table.encryptCounters(c1, k1, 16);
        vector.encryptCounters(c2, k2, 16);
        if (!Arrays.equals(k1, k2) || !Arrays.equals(c1, c2)) {
            throw new IllegalStateException("CTR keystream differs: " + vector.describe());
        }
    }

    /** Runs the correctness check alone: {@code java --add-modules=jdk.incubator.vector -cp microbench.jar ...}. */
    public static void main(String[] args) {
        check(30);
        check(22);
        check(1);
        check(2);
        System.out.println("VectorRijndael256 == Rijndael256Table for rounds 30, 22, 1, 2");
    }
}
