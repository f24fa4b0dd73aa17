package io.pqagent.qsmp.crypto;

import java.util.Arrays;
import org.bouncycastle.crypto.SecretWithEncapsulation;
import org.bouncycastle.crypto.kems.MLKEMExtractor;
import org.bouncycastle.crypto.kems.MLKEMGenerator;
import org.bouncycastle.crypto.params.MLKEMParameters;
import org.bouncycastle.crypto.params.MLKEMPrivateKeyParameters;
import org.bouncycastle.crypto.params.MLKEMPublicKeyParameters;

/** ML-KEM (FIPS 203) through Bouncy Castle's low-level API, drawing randomness as QSC does. */
final class MlKem extends KemBase {
    private static final int SEED_SIZE = 64; // d ‖ z
    private static final int MESSAGE_SIZE = 32; // m
    private static final int Z_SIZE = 32;
    private static final byte[] NO_PREFIX = new byte[0];

    private final MLKEMParameters params;

    MlKem(KemAlgorithm algorithm, MLKEMParameters params) {
        super(algorithm);
        this.params = params;
    }

    @Override
    public KemKeyPair generateKeyPair(EntropySource entropy) {
        byte[] seed = entropy.nextBytes(SEED_SIZE);
        try {
            MLKEMPrivateKeyParameters sk = new MLKEMPrivateKeyParameters(params, seed)
                    .withPreferredFormat(MLKEMPrivateKeyParameters.EXPANDED_KEY);
            return new KemKeyPair(sk.getPublicKey(), SecretBytes.wrap(sk.getEncoded()));
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    @Override
    public Encapsulation encapsulate(byte[] publicKey, EntropySource entropy) {
        requirePublicKey(publicKey);
        byte[] m = entropy.nextBytes(MESSAGE_SIZE);
        try {
            SecretWithEncapsulation swe = MLKEMGenerator.internalGenerateEncapsulated(
                    new MLKEMPublicKeyParameters(params, publicKey), m);
            return new Encapsulation(swe.getEncapsulation(), SecretBytes.wrap(swe.getSecret()));
        } finally {
            Arrays.fill(m, (byte) 0);
        }
    }

    @Override
    public SecretBytes decapsulate(byte[] privateKey, byte[] ciphertext) throws DecapsulationException {
        requireDecapsulationInputs(privateKey, ciphertext);
        byte[] secret = new MLKEMExtractor(new MLKEMPrivateKeyParameters(params, privateKey)).extractSecret(ciphertext);
        // K̄ = SHAKE256(z ‖ c, 32), z the last 32 bytes of the private key
        return unlessRejected(secret, shake256(NO_PREFIX, privateKey, privateKey.length - Z_SIZE, Z_SIZE, ciphertext));
    }
}
