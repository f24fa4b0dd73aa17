package io.pqagent.qsmp.crypto;

import java.util.Arrays;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.SecretWithEncapsulation;
import org.bouncycastle.crypto.digests.SHAKEDigest;
import org.bouncycastle.crypto.generators.CMCEKeyPairGenerator;
import org.bouncycastle.crypto.kems.CMCEKEMExtractor;
import org.bouncycastle.crypto.kems.CMCEKEMGenerator;
import org.bouncycastle.crypto.params.CMCEKeyGenerationParameters;
import org.bouncycastle.crypto.params.CMCEParameters;
import org.bouncycastle.crypto.params.CMCEPrivateKeyParameters;
import org.bouncycastle.crypto.params.CMCEPublicKeyParameters;

/**
 * Classic McEliece round 3 with plaintext confirmation (Bouncy Castle's {@code mceliece*pc}), the
 * variant QSC implements: ciphertext C0 ‖ C1, K = SHAKE256(0x01 ‖ e ‖ C0 ‖ C1).
 */
final class McEliecePc implements Kem {
    private final CMCEParameters params;
    private final String name;
    private final int publicKeySize;
    private final int privateKeySize;
    private final int ciphertextSize;
    private final int rejectionSeedSize; // s: the last n/8 bytes of the private key

    McEliecePc(CMCEParameters params, String name, int publicKeySize, int privateKeySize, int ciphertextSize) {
        this.params = params;
        this.name = name;
        this.publicKeySize = publicKeySize;
        this.privateKeySize = privateKeySize;
        this.ciphertextSize = ciphertextSize;
        this.rejectionSeedSize = params.getN() / 8;
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
        CMCEKeyPairGenerator gen = new CMCEKeyPairGenerator();
        gen.init(new CMCEKeyGenerationParameters(entropy.asSecureRandom(), params));
        AsymmetricCipherKeyPair kp = gen.generateKeyPair();
        byte[] pk = ((CMCEPublicKeyParameters) kp.getPublic()).getEncoded();
        byte[] sk = ((CMCEPrivateKeyParameters) kp.getPrivate()).getEncoded();
        return new KemKeyPair(pk, SecretBytes.wrap(sk));
    }

    @Override
    public Encapsulation encapsulate(byte[] publicKey, EntropySource entropy) {
        if (publicKey.length != publicKeySize) {
            throw new IllegalArgumentException(name + " public key must be " + publicKeySize + " bytes");
        }
        SecretWithEncapsulation swe = new CMCEKEMGenerator(entropy.asSecureRandom())
                .generateEncapsulated(new CMCEPublicKeyParameters(params, publicKey));
        return new Encapsulation(swe.getEncapsulation(), SecretBytes.wrap(swe.getSecret()));
    }

    @Override
    public SecretBytes decapsulate(byte[] privateKey, byte[] ciphertext) throws DecapsulationException {
        if (privateKey.length != privateKeySize || ciphertext.length != ciphertextSize) {
            throw new DecapsulationException(name + ": wrong private key or ciphertext size");
        }
        byte[] secret = new CMCEKEMExtractor(new CMCEPrivateKeyParameters(params, privateKey)).extractSecret(ciphertext);
        // QSMP rule 9: the reject key is SHAKE256(0x00 ‖ s ‖ C0 ‖ C1); QSC reports it as a failure.
        byte[] rejection = rejectionKey(privateKey, ciphertext);
        boolean rejected = ConstantTime.equals(secret, rejection);
        Arrays.fill(rejection, (byte) 0);
        if (rejected) {
            Arrays.fill(secret, (byte) 0);
            throw new DecapsulationException(name + ": ciphertext rejected");
        }
        return SecretBytes.wrap(secret);
    }

    private byte[] rejectionKey(byte[] privateKey, byte[] ciphertext) {
        SHAKEDigest shake = new SHAKEDigest(256);
        shake.update((byte) 0x00);
        shake.update(privateKey, privateKey.length - rejectionSeedSize, rejectionSeedSize);
        shake.update(ciphertext, 0, ciphertext.length);
        byte[] out = new byte[SHARED_SECRET_SIZE];
        shake.doFinal(out, 0, out.length);
        return out;
    }
}
