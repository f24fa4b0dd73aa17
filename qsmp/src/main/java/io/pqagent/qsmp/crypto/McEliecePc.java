package io.pqagent.qsmp.crypto;

import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.SecretWithEncapsulation;
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
final class McEliecePc extends KemBase {
    private static final byte[] REJECT_PREFIX = {0x00};

    private final CMCEParameters params;
    private final int rejectionSeedSize; // s: the last n/8 bytes of the private key

    McEliecePc(KemAlgorithm algorithm, CMCEParameters params) {
        super(algorithm);
        this.params = params;
        this.rejectionSeedSize = params.getN() / 8;
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
        requirePublicKey(publicKey);
        SecretWithEncapsulation swe = new CMCEKEMGenerator(entropy.asSecureRandom())
                .generateEncapsulated(new CMCEPublicKeyParameters(params, publicKey));
        return new Encapsulation(swe.getEncapsulation(), SecretBytes.wrap(swe.getSecret()));
    }

    @Override
    public SecretBytes decapsulate(byte[] privateKey, byte[] ciphertext) throws DecapsulationException {
        requireDecapsulationInputs(privateKey, ciphertext);
        byte[] secret = new CMCEKEMExtractor(new CMCEPrivateKeyParameters(params, privateKey)).extractSecret(ciphertext);
        // the reject key SHAKE256(0x00 ‖ s ‖ C0 ‖ C1)
        return unlessRejected(secret, shake256(REJECT_PREFIX, privateKey,
                privateKey.length - rejectionSeedSize, rejectionSeedSize, ciphertext));
    }
}
