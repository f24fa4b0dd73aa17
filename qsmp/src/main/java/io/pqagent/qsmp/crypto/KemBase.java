package io.pqagent.qsmp.crypto;

import java.util.Arrays;

/** Name, sizes and input checks shared by the KEM wrappers; the sizes are the algorithm's. */
abstract class KemBase implements Kem {
    protected final KemAlgorithm algorithm;

    KemBase(KemAlgorithm algorithm) {
        this.algorithm = algorithm;
    }

    @Override
    public final String name() {
        return algorithm.name();
    }

    @Override
    public final int publicKeySize() {
        return algorithm.publicKeySize();
    }

    @Override
    public final int privateKeySize() {
        return algorithm.privateKeySize();
    }

    @Override
    public final int ciphertextSize() {
        return algorithm.ciphertextSize();
    }

    protected final void requirePublicKey(byte[] publicKey) {
        if (publicKey.length != publicKeySize()) {
            throw new IllegalArgumentException(name() + " public key must be " + publicKeySize() + " bytes");
        }
    }

    protected final void requireDecapsulationInputs(byte[] privateKey, byte[] ciphertext) throws DecapsulationException {
        if (privateKey.length != privateKeySize() || ciphertext.length != ciphertextSize()) {
            throw new DecapsulationException(name() + ": wrong private key or ciphertext size");
        }
    }

    protected final void requireCiphertext(byte[] ciphertext) throws DecapsulationException {
        if (ciphertext.length != ciphertextSize()) {
            throw new DecapsulationException(name() + ": wrong ciphertext size");
        }
    }

    /**
     * Profile rule 9: Bouncy Castle answers a ciphertext that does not decrypt with the implicit-
     * rejection key, QSC with a failure. Both arrays are wiped unless the secret is returned.
     */
    protected final SecretBytes unlessRejected(byte[] secret, byte[] rejectionKey) throws DecapsulationException {
        boolean rejected = ConstantTime.equals(secret, rejectionKey);
        Arrays.fill(rejectionKey, (byte) 0);
        if (rejected) {
            Arrays.fill(secret, (byte) 0);
            throw new DecapsulationException(name() + ": ciphertext rejected (implicit rejection)");
        }
        return SecretBytes.wrap(secret);
    }

    /** SHAKE256({@code prefix} ‖ {@code seed} ‖ c, 32): the shape of both KEMs' rejection keys. */
    protected static byte[] shake256(byte[] prefix, byte[] seedSource, int seedOffset, int seedLength, byte[] ciphertext) {
        org.bouncycastle.crypto.digests.SHAKEDigest shake = new org.bouncycastle.crypto.digests.SHAKEDigest(256);
        shake.update(prefix, 0, prefix.length);
        shake.update(seedSource, seedOffset, seedLength);
        shake.update(ciphertext, 0, ciphertext.length);
        byte[] out = new byte[SHARED_SECRET_SIZE];
        shake.doFinal(out, 0, out.length);
        return out;
    }
}
