package io.pqagent.qsmp.crypto;

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
 * The bare Rijndael-256 rounds: the table path ({@link Rijndael256Table}) against the Vector API rounds
 * ({@link VectorRijndael256}) in the same run, on {@code blocks} independent blocks per operation (16 = the
 * 512 bytes RCS CTR mode hands over per call; 512 = 16 KiB). Throughput is ops/s; MB/s = ops/s x 32 x
 * blocks / 1e6. {@code ctr} is the RCS CTR keystream XORed onto 32 x blocks bytes, the Rijndael share of
 * RCS AEAD.
 *
 * <pre>java --add-modules=jdk.incubator.vector -jar microbench/target/microbench.jar VectorRijndaelBenchmark -f 1 -wi 3 -w 2s -i 5 -r 2s</pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
@State(Scope.Thread)
public class VectorRijndaelBenchmark {
    @Param({"TABLE", "VECTOR"})
    public String path;

    @Param({"16", "512"})
    public int blocks;

    @Param({"22", "30"})
    public int rounds;

    private long[] state;
    private byte[] message;
    private byte[] out;
    private Rijndael256 cipher;
    private RcsCounterMode ctr;

    @Setup(Level.Trial)
    public void setUp() {
        Random random = new Random(7);
        int[] rk = new int[8 * (rounds + 1)];
        for (int i = 0; i < rk.length; i++) {
            rk[i] = random.nextInt();
        }
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
        Rijndael256Table table = new Rijndael256Table(rounds, rk);
        return switch (path) {
            case "TABLE" -> table;
            case "VECTOR" -> new VectorRijndael256(rounds, table.roundKeyLongs());
            default -> throw new IllegalArgumentException("unknown path " + path);
        };
    }
}
