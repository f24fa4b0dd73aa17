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
 * The two halves of RCS AEAD encryption on their own, at the message sizes of {@link
 * io.pqagent.microbench.RcsBenchmark}: the CTR keystream (Rijndael-256 on the chosen path, XORed onto the
 * message) and the chained KMAC (absorb the message, finish a tag). Their sum is close to the AEAD figure,
 * so comparing the three shows where the time goes and what a faster half could buy.
 *
 * <pre>java -jar microbench/target/microbench.jar RcsPartsBenchmark -f 1 -wi 3 -i 5</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
@State(Scope.Thread)
public class RcsPartsBenchmark {
    @Param({"RCS256", "RCS512"})
    public RcsVariant variant;

    @Param({"TABLE", "CONSTANT_TIME"})
    public BlockPath path;

    @Param({"64", "1024", "16384"})
    public int size;

    private byte[] message;
    private byte[] out;
    private RcsCounterMode ctr;
    private QscKmac kmac;

    @Setup(Level.Trial)
    public void setUp() {
        Random random = new Random(5);
        message = new byte[size];
        random.nextBytes(message);
        out = new byte[size + 64];
        int[] rk = new int[8 * (variant.rounds() + 1)];
        for (int i = 0; i < rk.length; i++) {
            rk[i] = random.nextInt();
        }
        Rijndael256 block = switch (path) {
            case AUTO -> new AutoRijndael256(variant.rounds(), rk);
            case TABLE -> new Rijndael256Table(variant.rounds(), rk);
            case CONSTANT_TIME -> new Rijndael256ConstantTime(variant.rounds(), rk);
        };
        byte[] nonce = new byte[RcsVariant.NONCE_SIZE];
        random.nextBytes(nonce);
        ctr = new RcsCounterMode(block, nonce);
        byte[] macKey = new byte[variant.keySize()];
        random.nextBytes(macKey);
        kmac = new QscKmac(variant.rate(), macKey, variant.keySize());
    }

    /** CTR keystream over {@code size} bytes (no MAC). */
    @Benchmark
    public byte[] ctrTransform() {
        ctr.transform(message, 0, out, 0, size);
        return out;
    }

    /** The chained KMAC over {@code size} bytes plus a tag (no encryption). */
    @Benchmark
    public byte[] kmacTag() {
        kmac.update(message, 0, size);
        kmac.finish(out, 0);
        return out;
    }
}
