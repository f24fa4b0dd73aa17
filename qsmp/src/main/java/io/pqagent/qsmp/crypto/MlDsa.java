package io.pqagent.qsmp.crypto;

import io.pqagent.qsmp.crypto.mldsa.MlDsaParameterSet;
import io.pqagent.qsmp.crypto.mldsa.MlDsaVerificationKeyCache;
import io.pqagent.qsmp.crypto.mldsa.PreparedMlDsaSigningKey;
import java.util.Arrays;
import org.bouncycastle.crypto.params.MLDSAParameters;
import org.bouncycastle.crypto.params.MLDSAPrivateKeyParameters;

/**
 * ML-DSA (FIPS 204), pure mode with an empty context, signing deterministically (rnd = 0^32), which
 * reproduces QSC's signatures byte for byte.
 *
 * <p>Key generation is Bouncy Castle's. Signing and verifying run on our own engine ({@code crypto.mldsa}),
 * whose keys are prepared once: a prepared signing key keeps Â, ŝ1, ŝ2 and t̂0, and verification keys are
 * prepared into a small cache of the most recently used ones, since QSMP verifies the same few peer keys
 * over and over. The one-shot {@link #sign} prepares, signs and wipes.
 */
final class MlDsa extends SignerBase {
    private static final int SEED_SIZE = 32; // ξ
    /** Prepared verification keys kept per parameter set (about 66 KB each for ML-DSA-87). */
    static final int VERIFICATION_CACHE_CAPACITY = 32;

    private final MLDSAParameters params;
    private final MlDsaParameterSet engine;
    private final MlDsaVerificationKeyCache verificationKeys;

    MlDsa(SignatureAlgorithm algorithm, MLDSAParameters params, MlDsaParameterSet engine) {
        super(algorithm);
        if (engine.verificationKeyBytes() != algorithm.verificationKeySize()
                || engine.signingKeyBytes() != algorithm.signingKeySize()
                || engine.signatureBytes() != algorithm.signatureSize()) {
            throw new IllegalStateException(algorithm + " sizes differ from FIPS 204 " + engine);
        }
        this.params = params;
        this.engine = engine;
        this.verificationKeys = new MlDsaVerificationKeyCache(engine, VERIFICATION_CACHE_CAPACITY);
    }

    @Override
    public SigningKeyPair generateKeyPair(EntropySource entropy) {
        byte[] xi = entropy.nextBytes(SEED_SIZE);
        try {
            MLDSAPrivateKeyParameters sk = new MLDSAPrivateKeyParameters(params, xi)
                    .withPreferredFormat(MLDSAPrivateKeyParameters.EXPANDED_KEY);
            return new SigningKeyPair(sk.getPublicKey(), SecretBytes.wrap(sk.getEncoded()));
        } finally {
            Arrays.fill(xi, (byte) 0);
        }
    }

    @Override
    public byte[] sign(byte[] signingKey, byte[] message, EntropySource entropy) {
        try (PreparedSigningKey prepared = prepare(signingKey)) {
            return prepared.sign(message, entropy);
        }
    }

    /** @throws IllegalArgumentException for a key of the wrong size or with s1/s2 out of range */
    @Override
    public PreparedSigningKey prepare(byte[] signingKey) {
        requireSigningKey(signingKey);
        PreparedMlDsaSigningKey prepared = PreparedMlDsaSigningKey.prepare(engine, signingKey);
        return new PreparedSigningKey() {
            @Override
            public byte[] sign(byte[] message, EntropySource entropy) {
                return prepared.sign(message); // deterministic: entropy is not drawn
            }

            @Override
            public void close() {
                prepared.close();
            }

            @Override
            public String toString() {
                return prepared.toString();
            }
        };
    }

    @Override
    public boolean verify(byte[] verificationKey, byte[] message, byte[] signature) {
        if (!wellFormed(verificationKey, signature)) {
            return false;
        }
        return verificationKeys.get(verificationKey).verify(message, signature);
    }
}
