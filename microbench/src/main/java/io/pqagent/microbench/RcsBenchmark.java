package io.pqagent.microbench;

import io.pqagent.qsmp.crypto.BlockPath;
import io.pqagent.qsmp.crypto.MacMode;
import io.pqagent.qsmp.crypto.RcsCipher;
import io.pqagent.qsmp.crypto.RcsVariant;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.macs.KMAC;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.modes.SICBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * RCS AEAD as a QSMP tunnel packet uses it (set_associated with the 21-byte header, then encrypt), next to
 * Bouncy Castle's KMAC256, AES-256-GCM and AES-256-CTR at the same sizes. Reports throughput and the
 * average time per op in microseconds (MB/s = size / (us/op)); add {@code -tu ms} for a finer throughput
 * figure at 16 KiB. The RCS instance is reused, so its counter and chained MAC advance as in a session.
 * At the end of each AUTO trial the rounds it ended on are printed ("AUTO: ...").
 *
 * <pre>java -jar microbench/target/microbench.jar RcsBenchmark -f 1 -wi 3 -w 2s -i 5 -r 2s</pre>
 */
@BenchmarkMode({Mode.Throughput, Mode.AverageTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class RcsBenchmark {
    static final int HEADER_SIZE = 21;

    @State(Scope.Thread)
    public static class RcsState {
        @Param({"RCS256", "RCS512"})
        public RcsVariant variant;

        /** AUTO (the default) starts on the table rounds and moves to the vector rounds during warm-up. */
        @Param({"AUTO", "TABLE", "CONSTANT_TIME"})
        public BlockPath path;

        @Param({"64", "1024", "16384"})
        public int size;

        RcsCipher cipher;
        byte[] header;
        byte[] plaintext;
        byte[] packet;

        @Setup(Level.Trial)
        public void setUp() {
            Random random = new Random(42);
            byte[] key = new byte[variant.keySize()];
            byte[] nonce = new byte[RcsVariant.NONCE_SIZE];
            random.nextBytes(key);
            random.nextBytes(nonce);
            cipher = RcsCipher.initialize(variant, MacMode.KMAC, key, nonce, new byte[0], path);
            header = new byte[HEADER_SIZE];
            header[0] = 0x04;
            plaintext = new byte[size];
            random.nextBytes(plaintext);
            packet = new byte[size + cipher.tagSize()];
        }

        @TearDown(Level.Trial)
        public void reportAutoRounds() {
            if (path == BlockPath.AUTO) {
                System.out.println("AUTO: " + BlockPath.autoDescription());
            }
        }
    }

    @State(Scope.Thread)
    public static class ReferenceState {
        @Param({"64", "1024", "16384"})
        public int size;

        byte[] data;
        byte[] out;
        KMAC kmac;
        GCMModeCipher gcm;
        KeyParameter aesKey;
        byte[] gcmNonce;
        SICBlockCipher ctr;

        @Setup(Level.Trial)
        public void setUp() {
            Random random = new Random(7);
            data = new byte[size];
            random.nextBytes(data);
            out = new byte[size + 64];
            byte[] key = new byte[32];
            random.nextBytes(key);
            kmac = new KMAC(256, new byte[0]);
            kmac.init(new KeyParameter(key));
            aesKey = new KeyParameter(key);
            gcm = GCMBlockCipher.newInstance(AESEngine.newInstance());
            gcmNonce = new byte[12];
            ctr = new SICBlockCipher(AESEngine.newInstance());
            ctr.init(true, new ParametersWithIV(aesKey, new byte[16]));
        }
    }

    @Benchmark
    public byte[] rcsAeadEncrypt(RcsState s) {
        s.header[5]++;
        s.cipher.setAssociated(s.header, 0, s.header.length);
        s.cipher.encrypt(s.plaintext, 0, s.size, s.packet, 0);
        return s.packet;
    }

    /** Bouncy Castle KMAC256 (rate 136) tag over the same bytes, keyed once (doFinal re-keys). */
    @Benchmark
    public byte[] bcKmac256(ReferenceState s) {
        s.kmac.update(s.data, 0, s.size);
        s.kmac.doFinal(s.out, 0, 32);
        return s.out;
    }

    /** Bouncy Castle AES-256-GCM, 21-byte AAD, a fresh nonce per packet. */
    @Benchmark
    public byte[] bcAesGcm(ReferenceState s) throws Exception {
        s.gcmNonce[0]++;
        if (s.gcmNonce[0] == 0) {
            s.gcmNonce[1]++;
        }
        s.gcm.init(true, new AEADParameters(s.aesKey, 128, s.gcmNonce));
        s.gcm.processAADBytes(s.out, 0, HEADER_SIZE);
        int n = s.gcm.processBytes(s.data, 0, s.size, s.out, 0);
        s.gcm.doFinal(s.out, n);
        return s.out;
    }

    /** Bouncy Castle AES-256-CTR keystream over the same bytes (no MAC). */
    @Benchmark
    public byte[] bcAesCtr(ReferenceState s) {
        s.ctr.processBytes(s.data, 0, s.size, s.out, 0);
        return s.out;
    }
}
