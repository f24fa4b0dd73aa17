package io.pqagent.microbench;

import io.pqagent.qsmp.crypto.EntropySource;
import io.pqagent.qsmp.crypto.ShakeEntropy;
import io.pqagent.qsmp.crypto.SignatureAlgorithm;
import io.pqagent.qsmp.crypto.Signer;
import io.pqagent.qsmp.crypto.SigningKeyPair;
import io.pqagent.qsmp.crypto.mldsa.MlDsaParameterSet;
import io.pqagent.qsmp.crypto.mldsa.PreparedMlDsaSigningKey;
import io.pqagent.qsmp.crypto.mldsa.PreparedMlDsaVerificationKey;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.params.MLDSAParameters;
import org.bouncycastle.crypto.params.MLDSAPrivateKeyParameters;
import org.bouncycastle.crypto.params.MLDSAPublicKeyParameters;
import org.bouncycastle.crypto.signers.MLDSASigner;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * ML-DSA sign and verify, Bouncy Castle's per-call engine against our prepared keys, side by side in one
 * run. Signing takes a fresh 32-byte message per operation (a counter), so the rejection loop's number of
 * rounds averages out as in real use; verifying cycles through 64 pre-made signatures. {@code verifySigner}
 * is what the handshake calls: {@link Signer#verify} with the peer key found in its cache. The BC
 * variants parse the key once, as our old wrapper did, and still re-expand Â and re-run the key NTTs
 * (and H(pk) for verify) on every call. {@code prepareVerificationKey} is the price of a cache miss.
 *
 * <pre>java -jar microbench/target/microbench.jar MlDsaBenchmark -f 1 -wi 3 -w 2s -i 5 -r 2s</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class MlDsaBenchmark {
    private static final int POOL = 64;

    @Param({"ML_DSA_87", "ML_DSA_65", "ML_DSA_44"})
    public String set;

    private MLDSAPrivateKeyParameters bcSigningKey;
    private MLDSAPublicKeyParameters bcVerificationKey;
    private PreparedMlDsaSigningKey preparedSigningKey;
    private PreparedMlDsaVerificationKey preparedVerificationKey;
    private Signer signer;
    private byte[] verificationKey;
    private final byte[][] messages = new byte[POOL][];
    private final byte[][] signatures = new byte[POOL][];
    private final byte[] message = new byte[32];
    private long counter;
    private int next;

    @Setup
    public void setUp() {
        MlDsaParameterSet engine = MlDsaParameterSet.valueOf(set);
        SignatureAlgorithm algorithm = SignatureAlgorithm.valueOf(set);
        MLDSAParameters bcParams = switch (engine) {
            case ML_DSA_44 -> MLDSAParameters.ml_dsa_44;
            case ML_DSA_65 -> MLDSAParameters.ml_dsa_65;
            case ML_DSA_87 -> MLDSAParameters.ml_dsa_87;
        };
        signer = algorithm.instance();
        SigningKeyPair pair = signer.generateKeyPair(new ShakeEntropy("MlDsaBenchmark " + set));
        verificationKey = pair.verificationKey();
        bcSigningKey = new MLDSAPrivateKeyParameters(bcParams, pair.signingKey().bytes());
        bcVerificationKey = new MLDSAPublicKeyParameters(bcParams, verificationKey);
        preparedSigningKey = PreparedMlDsaSigningKey.prepare(engine, pair.signingKey().bytes());
        preparedVerificationKey = PreparedMlDsaVerificationKey.prepare(engine, verificationKey);
        EntropySource random = new ShakeEntropy("MlDsaBenchmark messages");
        for (int i = 0; i < POOL; i++) {
            messages[i] = random.nextBytes(32);
            signatures[i] = preparedSigningKey.sign(messages[i]);
            if (!preparedVerificationKey.verify(messages[i], signatures[i]) || !bcVerify()) {
                throw new IllegalStateException("set-up signature does not verify");
            }
            next++;
        }
        next = 0;
    }

    private byte[] freshMessage() {
        long c = counter++;
        for (int i = 0; i < 8; i++) {
            message[i] = (byte) (c >>> (8 * i));
        }
        return message;
    }

    @Benchmark
    public byte[] signBouncyCastle() throws CryptoException {
        byte[] m = freshMessage();
        MLDSASigner s = new MLDSASigner();
        s.init(true, bcSigningKey);
        s.update(m, 0, m.length);
        return s.generateSignature();
    }

    @Benchmark
    public byte[] signPrepared() {
        return preparedSigningKey.sign(freshMessage());
    }

    @Benchmark
    public boolean verifyBouncyCastle() {
        boolean ok = bcVerify();
        next = (next + 1) % POOL;
        return ok;
    }

    @Benchmark
    public boolean verifyPrepared() {
        boolean ok = preparedVerificationKey.verify(messages[next], signatures[next]);
        next = (next + 1) % POOL;
        return ok;
    }

    /** Through the public Signer API: the cache lookup (hash and compare of the key bytes) included. */
    @Benchmark
    public boolean verifySigner() {
        boolean ok = signer.verify(verificationKey, messages[next], signatures[next]);
        next = (next + 1) % POOL;
        return ok;
    }

    /** What a cache miss adds to a verification: ExpandA, H(pk) and the NTTs of t1·2^d. */
    @Benchmark
    public PreparedMlDsaVerificationKey prepareVerificationKey() {
        return PreparedMlDsaVerificationKey.prepare(MlDsaParameterSet.valueOf(set), verificationKey);
    }

    private boolean bcVerify() {
        MLDSASigner v = new MLDSASigner();
        v.init(false, bcVerificationKey);
        v.update(messages[next], 0, messages[next].length);
        return v.verifySignature(signatures[next]);
    }
}
