package io.pqagent.qsmp.crypto;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.digests.KeccakDigest;
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
 * The pieces of the RCS hot path on their own: our Keccak sponge absorbing 16 KiB at rate 72 and 136 against
 * Bouncy Castle's KeccakDigest at the same rates, and one Rijndael-256 block on each path. Lives in the
 * crypto package to reach the package-private classes (class path only; the jar is not modular).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class KeccakBenchmark {
    /** Keccak rate in bytes: 72 (capacity 1024) or 136 (capacity 512). */
    @Param({"72", "136"})
    public int rate;

    private final byte[] data = new byte[16384];
    private KeccakSponge sponge;
    private KeccakDigest bc;
    private Rijndael256 table;
    private Rijndael256 constantTime;
    private final int[] block = new int[8];

    @Setup(Level.Trial)
    public void setUp() {
        new Random(1).nextBytes(data);
        sponge = new KeccakSponge(rate, KeccakF1600.STANDARD_ROUNDS);
        bc = new KeccakDigest(rate == 72 ? 512 : 256);
        int[] rk = new int[8 * 31];
        for (int i = 0; i < rk.length; i++) {
            rk[i] = i * 0x9E3779B9;
        }
        table = new Rijndael256Table(30, rk);
        constantTime = new Rijndael256ConstantTime(30, rk);
    }

    /** 16 KiB absorbed per op. */
    @Benchmark
    public KeccakSponge spongeAbsorb16k() {
        sponge.absorb(data, 0, data.length);
        return sponge;
    }

    /** 16 KiB absorbed per op by Bouncy Castle. */
    @Benchmark
    public KeccakDigest bcKeccakAbsorb16k() {
        bc.update(data, 0, data.length);
        return bc;
    }

    /** One 30-round Rijndael-256 block (32 bytes), table path. */
    @Benchmark
    public int[] rijndael256TableBlock() {
        table.encrypt(block);
        return block;
    }

    /** One 30-round Rijndael-256 block (32 bytes), constant-time path. */
    @Benchmark
    public int[] rijndael256ConstantTimeBlock() {
        constantTime.encrypt(block);
        return block;
    }
}
