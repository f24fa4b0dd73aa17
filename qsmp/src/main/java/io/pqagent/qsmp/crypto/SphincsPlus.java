package io.pqagent.qsmp.crypto;

import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.pqc.legacy.sphincsplus.SPHINCSPlusKeyGenerationParameters;
import org.bouncycastle.pqc.legacy.sphincsplus.SPHINCSPlusKeyPairGenerator;
import org.bouncycastle.pqc.legacy.sphincsplus.SPHINCSPlusParameters;
import org.bouncycastle.pqc.legacy.sphincsplus.SPHINCSPlusPrivateKeyParameters;
import org.bouncycastle.pqc.legacy.sphincsplus.SPHINCSPlusPublicKeyParameters;
import org.bouncycastle.pqc.legacy.sphincsplus.SPHINCSPlusSigner;

/**
 * SPHINCS+ round 3, SHAKE-256 robust (QSC's "SHAKERF"/"SHAKERS"), through Bouncy Castle's legacy
 * package. Not SLH-DSA: FIPS 205 has no robust mode and would not interoperate.
 */
final class SphincsPlus implements Signer {
    private final SPHINCSPlusParameters params;
    private final String name;
    private final int verificationKeySize;
    private final int signingKeySize;
    private final int signatureSize;

    SphincsPlus(SPHINCSPlusParameters params, String name, int verificationKeySize, int signingKeySize,
            int signatureSize) {
        this.params = params;
        this.name = name;
        this.verificationKeySize = verificationKeySize;
        this.signingKeySize = signingKeySize;
        this.signatureSize = signatureSize;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int verificationKeySize() {
        return verificationKeySize;
    }

    @Override
    public int signingKeySize() {
        return signingKeySize;
    }

    @Override
    public int signatureSize() {
        return signatureSize;
    }

    @Override
    public SigningKeyPair generateKeyPair(EntropySource entropy) {
        SPHINCSPlusKeyPairGenerator gen = new SPHINCSPlusKeyPairGenerator();
        gen.init(new SPHINCSPlusKeyGenerationParameters(entropy.asSecureRandom(), params));
        AsymmetricCipherKeyPair kp = gen.generateKeyPair();
        byte[] vk = ((SPHINCSPlusPublicKeyParameters) kp.getPublic()).getEncoded();
        byte[] sk = ((SPHINCSPlusPrivateKeyParameters) kp.getPrivate()).getEncoded();
        return new SigningKeyPair(vk, SecretBytes.wrap(sk));
    }

    @Override
    public byte[] sign(byte[] signingKey, byte[] message, EntropySource entropy) {
        if (signingKey.length != signingKeySize) {
            throw new IllegalArgumentException(name + " signing key must be " + signingKeySize + " bytes");
        }
        SPHINCSPlusSigner signer = new SPHINCSPlusSigner();
        signer.init(true, new ParametersWithRandom(
                new SPHINCSPlusPrivateKeyParameters(params, signingKey), entropy.asSecureRandom()));
        return signer.generateSignature(message);
    }

    @Override
    public boolean verify(byte[] verificationKey, byte[] message, byte[] signature) {
        if (verificationKey.length != verificationKeySize || signature.length != signatureSize) {
            return false;
        }
        SPHINCSPlusSigner verifier = new SPHINCSPlusSigner();
        verifier.init(false, new SPHINCSPlusPublicKeyParameters(params, verificationKey));
        return verifier.verifySignature(message, signature);
    }
}
