package io.pqagent.microbench;

import io.pqagent.qsmp.crypto.EntropySource;
import io.pqagent.qsmp.crypto.MacMode;
import io.pqagent.qsmp.crypto.ParameterSet;
import io.pqagent.qsmp.handshake.ClientHandshake;
import io.pqagent.qsmp.handshake.DuplexClientHandshake;
import io.pqagent.qsmp.handshake.DuplexServerHandshake;
import io.pqagent.qsmp.handshake.HandshakeContext;
import io.pqagent.qsmp.handshake.HandshakeMachine;
import io.pqagent.qsmp.handshake.KeyQuery;
import io.pqagent.qsmp.handshake.SimplexClientHandshake;
import io.pqagent.qsmp.handshake.SimplexServerHandshake;
import io.pqagent.qsmp.handshake.Step;
import io.pqagent.qsmp.keys.KeyGeneration;
import io.pqagent.qsmp.keys.KeyId;
import io.pqagent.qsmp.keys.SigningKeyRecord;
import io.pqagent.qsmp.wire.Clock;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.SecretWithEncapsulation;
import org.bouncycastle.crypto.digests.SHA3Digest;
import org.bouncycastle.crypto.generators.MLDSAKeyPairGenerator;
import org.bouncycastle.crypto.generators.MLKEMKeyPairGenerator;
import org.bouncycastle.crypto.kems.MLKEMExtractor;
import org.bouncycastle.crypto.kems.MLKEMGenerator;
import org.bouncycastle.crypto.params.MLDSAKeyGenerationParameters;
import org.bouncycastle.crypto.params.MLDSAParameters;
import org.bouncycastle.crypto.params.MLKEMKeyGenerationParameters;
import org.bouncycastle.crypto.params.MLKEMParameters;
import org.bouncycastle.crypto.params.MLKEMPrivateKeyParameters;
import org.bouncycastle.crypto.signers.MLDSASigner;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A complete handshake with both sides in one process (default set: ML-KEM-1024 + ML-DSA-87), next to
 * the sum of the Bouncy Castle operations that handshake performs, called directly on pre-parsed keys:
 * Duplex = 4 signs, 4 verifies, 2 KEM key pairs, 2 encapsulations, 2 decapsulations; Simplex = 1 of each.
 * The difference is our framing, hashing, key derivation, RCS and key parsing.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
@State(Scope.Thread)
public class HandshakeBenchmark {
    private static final ParameterSet SET = ParameterSet.DEFAULT;

    private SigningKeyRecord clientKey;
    private SigningKeyRecord serverKey;
    private AsymmetricCipherKeyPair bcClientSig;
    private AsymmetricCipherKeyPair bcServerSig;
    private final SecureRandom random = new SecureRandom();
    private final byte[] hash64 = new byte[64];

    @Setup
    public void setUp() {
        long expiration = System.currentTimeMillis() / 1000 + 86_400;
        clientKey = KeyGeneration.generate(SET, KeyId.random(EntropySource.system()), expiration, EntropySource.system());
        serverKey = KeyGeneration.generate(SET, KeyId.random(EntropySource.system()), expiration, EntropySource.system());
        MLDSAKeyPairGenerator g = new MLDSAKeyPairGenerator();
        g.init(new MLDSAKeyGenerationParameters(random, MLDSAParameters.ml_dsa_87));
        bcClientSig = g.generateKeyPair();
        bcServerSig = g.generateKeyPair();
        random.nextBytes(hash64);
    }

    private static HandshakeContext context() {
        return new HandshakeContext(SET, MacMode.KMAC, Clock.system(0), EntropySource.system());
    }

    @Benchmark
    public Object duplexHandshake() {
        DuplexClientHandshake client = new DuplexClientHandshake(context(), clientKey, serverKey.publicRecord());
        DuplexServerHandshake server = new DuplexServerHandshake(context(), serverKey,
                KeyQuery.of(clientKey.verificationKey()), null);
        return drive(client, client, server);
    }

    @Benchmark
    public Object simplexHandshake() {
        SimplexClientHandshake client = new SimplexClientHandshake(context(), serverKey.publicRecord());
        return drive(client, client, new SimplexServerHandshake(context(), serverKey));
    }

    /** Runs a handshake to completion on both sides and returns the client's final step. */
    private static Step drive(ClientHandshake start, HandshakeMachine client, HandshakeMachine server) {
        Step step = start.start();
        boolean toServer = true;
        while (true) {
            byte[] packet;
            if (step instanceof Step.Send send) {
                packet = send.packet();
            } else if (step instanceof Step.Established est && est.packet() != null) {
                est.result().close();
                packet = est.packet();
            } else if (step instanceof Step.Established est) {
                est.result().close();
                return step;
            } else {
                throw new IllegalStateException("handshake failed: " + step);
            }
            step = toServer ? server.process(packet) : client.process(packet);
            toServer = !toServer;
        }
    }

    @Benchmark
    public Object duplexPrimitiveSum() throws CryptoException {
        Object sink = null;
        for (int i = 0; i < 2; i++) { // each side: sign twice, verify twice, one key pair, one encaps, one decaps
            byte[] s1 = sign(bcClientSig);
            boolean ok = verify(bcClientSig, s1);
            byte[] s2 = sign(bcServerSig);
            sink = ok & verify(bcServerSig, s2);
            AsymmetricCipherKeyPair kem = kemKeyPair();
            SecretWithEncapsulation enc = new MLKEMGenerator(random).generateEncapsulated(kem.getPublic());
            sink = new MLKEMExtractor((MLKEMPrivateKeyParameters) kem.getPrivate()).extractSecret(enc.getEncapsulation());
        }
        return sink;
    }

    @Benchmark
    public Object simplexPrimitiveSum() throws CryptoException {
        byte[] s = sign(bcServerSig);
        boolean ok = verify(bcServerSig, s);
        AsymmetricCipherKeyPair kem = kemKeyPair();
        SecretWithEncapsulation enc = new MLKEMGenerator(random).generateEncapsulated(kem.getPublic());
        byte[] ss = new MLKEMExtractor((MLKEMPrivateKeyParameters) kem.getPrivate()).extractSecret(enc.getEncapsulation());
        return ok ? ss : null;
    }

    @Benchmark
    public byte[] sha3x8() {
        // the eight SHA3-512 hashes of a Duplex handshake over ~7 KiB messages, for scale
        SHA3Digest d = new SHA3Digest(512);
        byte[] in = new byte[7 * 1024];
        byte[] out = new byte[64];
        for (int i = 0; i < 8; i++) {
            d.update(in, 0, in.length);
            d.doFinal(out, 0);
        }
        return out;
    }

    /**
     * Deterministic signing of one fixed hash would repeat the same number of rejection rounds every
     * time; a fresh hash per signature gives the average cost, as in a real handshake.
     */
    private byte[] sign(AsymmetricCipherKeyPair kp) throws CryptoException {
        random.nextBytes(hash64);
        MLDSASigner s = new MLDSASigner();
        s.init(true, kp.getPrivate());
        s.update(hash64, 0, hash64.length);
        return s.generateSignature();
    }

    private boolean verify(AsymmetricCipherKeyPair kp, byte[] sig) {
        MLDSASigner v = new MLDSASigner();
        v.init(false, kp.getPublic());
        v.update(hash64, 0, hash64.length);
        return v.verifySignature(sig);
    }

    private AsymmetricCipherKeyPair kemKeyPair() {
        MLKEMKeyPairGenerator g = new MLKEMKeyPairGenerator();
        g.init(new MLKEMKeyGenerationParameters(random, MLKEMParameters.ml_kem_1024));
        return g.generateKeyPair();
    }
}
