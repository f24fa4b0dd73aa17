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
        return generate(entropy, false);
    }

    @Override
    public KemKeyPair generatePreparedKeyPair(EntropySource entropy) {
        return generate(entropy, true);
    }

    /**
     * Every Bouncy Castle constructor of a private key re-encodes it and checks the hash of its public
     * half, so the key is built once here; {@code getEncoded()} is the expanded FIPS 203 key whatever
     * the preferred format.
     */
    private KemKeyPair generate(EntropySource entropy, boolean keepParsed) {
        byte[] seed = entropy.nextBytes(SEED_SIZE);
        try {
            MLKEMPrivateKeyParameters sk = new MLKEMPrivateKeyParameters(params, seed);
            KemKeyPair pair = new KemKeyPair(sk.getPublicKey(), SecretBytes.wrap(sk.getEncoded()),
                    keepParsed ? new Parsed(sk) : null);
            if (!keepParsed) {
                sk.destroy();
            }
            return pair;
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

    /** A private key as generated; Bouncy Castle's {@code nonce} is z. */
    private final class Parsed implements PreparedDecapsulationKey {
        private final MLKEMPrivateKeyParameters key;

        Parsed(MLKEMPrivateKeyParameters key) {
            this.key = key;
        }

        @Override
        public SecretBytes decapsulate(byte[] ciphertext) throws DecapsulationException {
            requireCiphertext(ciphertext);
            if (key.isDestroyed()) {
                throw new IllegalStateException(name() + " private key already closed");
            }
            byte[] secret = new MLKEMExtractor(key).extractSecret(ciphertext);
            byte[] z = key.getNonce();
            try {
                return unlessRejected(secret, shake256(NO_PREFIX, z, 0, Z_SIZE, ciphertext));
            } finally {
                Arrays.fill(z, (byte) 0);
            }
        }

        @Override
        public void close() {
            key.destroy();
        }
    }
}
