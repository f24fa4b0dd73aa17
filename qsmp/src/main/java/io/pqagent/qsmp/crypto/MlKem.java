package io.pqagent.qsmp.crypto;

import java.util.Arrays;
import org.bouncycastle.crypto.SecretWithEncapsulation;
import org.bouncycastle.crypto.digests.SHAKEDigest;
import org.bouncycastle.crypto.kems.MLKEMExtractor;
import org.bouncycastle.crypto.kems.MLKEMGenerator;
import org.bouncycastle.crypto.params.MLKEMParameters;
import org.bouncycastle.crypto.params.MLKEMPrivateKeyParameters;
import org.bouncycastle.crypto.params.MLKEMPublicKeyParameters;

/** ML-KEM (FIPS 203) through Bouncy Castle's low-level API, drawing randomness as QSC does. */
final class MlKem implements Kem {
    private static final int SEED_SIZE = 64; // d ‖ z
    private static final int MESSAGE_SIZE = 32; // m
    private static final int Z_SIZE = 32;

    private final MLKEMParameters params;
    private final String name;
    private final int publicKeySize;
    private final int privateKeySize;
    private final int ciphertextSize;

    MlKem(MLKEMParameters params, String name, int publicKeySize, int privateKeySize, int ciphertextSize) {
        this.params = params;
        this.name = name;
        this.publicKeySize = publicKeySize;
        this.privateKeySize = privateKeySize;
        this.ciphertextSize = ciphertextSize;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int publicKeySize() {
        return publicKeySize;
    }

    @Override
    public int privateKeySize() {
        return privateKeySize;
    }

    @Override
    public int ciphertextSize() {
        return ciphertextSize;
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
        if (publicKey.length != publicKeySize) {
            throw new IllegalArgumentException(name + " public key must be " + publicKeySize + " bytes");
        }
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
        if (privateKey.length != privateKeySize || ciphertext.length != ciphertextSize) {
            throw new DecapsulationException(name + ": wrong private key or ciphertext size");
        }
        byte[] secret = new MLKEMExtractor(new MLKEMPrivateKeyParameters(params, privateKey)).extractSecret(ciphertext);
        // QSMP rule 9: BC returns the implicit-rejection key K̄ = SHAKE256(z ‖ c, 32); QSC reports failure.
        byte[] rejection = rejectionKey(privateKey, ciphertext);
        boolean rejected = ConstantTime.equals(secret, rejection);
        Arrays.fill(rejection, (byte) 0);
        if (rejected) {
            Arrays.fill(secret, (byte) 0);
            throw new DecapsulationException(name + ": ciphertext rejected (implicit rejection)");
        }
        return SecretBytes.wrap(secret);
    }

    private static byte[] rejectionKey(byte[] privateKey, byte[] ciphertext) {
        SHAKEDigest shake = new SHAKEDigest(256);
        shake.update(privateKey, privateKey.length - Z_SIZE, Z_SIZE);
        shake.update(ciphertext, 0, ciphertext.length);
        byte[] out = new byte[SHARED_SECRET_SIZE];
        shake.doFinal(out, 0, out.length);
        return out;
    }
}
