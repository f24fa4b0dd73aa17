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
final class SphincsPlus extends SignerBase {
    private final SPHINCSPlusParameters params;

    SphincsPlus(SignatureAlgorithm algorithm, SPHINCSPlusParameters params) {
        super(algorithm);
        this.params = params;
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
        requireSigningKey(signingKey);
        SPHINCSPlusSigner signer = new SPHINCSPlusSigner();
        signer.init(true, new ParametersWithRandom(
                new SPHINCSPlusPrivateKeyParameters(params, signingKey), entropy.asSecureRandom()));
        return signer.generateSignature(message);
    }

    @Override
    public boolean verify(byte[] verificationKey, byte[] message, byte[] signature) {
        if (!wellFormed(verificationKey, signature)) {
            return false;
        }
        SPHINCSPlusSigner verifier = new SPHINCSPlusSigner();
        verifier.init(false, new SPHINCSPlusPublicKeyParameters(params, verificationKey));
        return verifier.verifySignature(message, signature);
    }
}
