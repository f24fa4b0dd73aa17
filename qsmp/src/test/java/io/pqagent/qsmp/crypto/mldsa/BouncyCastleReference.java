package io.pqagent.qsmp.crypto.mldsa;

import io.pqagent.qsmp.crypto.ShakeEntropy;
import io.pqagent.qsmp.crypto.SignatureAlgorithm;
import io.pqagent.qsmp.crypto.SigningKeyPair;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.params.MLDSAParameters;
import org.bouncycastle.crypto.params.MLDSAPrivateKeyParameters;
import org.bouncycastle.crypto.params.MLDSAPublicKeyParameters;
import org.bouncycastle.crypto.signers.MLDSASigner;

/**
 * Bouncy Castle's ML-DSA, driven directly (not through our wrapper, which may use our engine): the
 * reference our engine must match byte for byte and decision for decision.
 */
final class BouncyCastleReference {
    private BouncyCastleReference() {
    }

    static SignatureAlgorithm algorithm(MlDsaParameterSet p) {
        return switch (p) {
            case ML_DSA_44 -> SignatureAlgorithm.ML_DSA_44;
            case ML_DSA_65 -> SignatureAlgorithm.ML_DSA_65;
            case ML_DSA_87 -> SignatureAlgorithm.ML_DSA_87;
        };
    }

    static MLDSAParameters bcParameters(MlDsaParameterSet p) {
        return switch (p) {
            case ML_DSA_44 -> MLDSAParameters.ml_dsa_44;
            case ML_DSA_65 -> MLDSAParameters.ml_dsa_65;
            case ML_DSA_87 -> MLDSAParameters.ml_dsa_87;
        };
    }

    /** A key pair from the project's key generator (Bouncy Castle), seeded deterministically. */
    static SigningKeyPair keyPair(MlDsaParameterSet p, String seed) {
        return algorithm(p).instance().generateKeyPair(new ShakeEntropy(seed));
    }

    /** Bouncy Castle's deterministic signature (no SecureRandom: rnd = 0^32), empty context. */
    static byte[] sign(MlDsaParameterSet p, byte[] sk, byte[] message) {
        MLDSASigner signer = new MLDSASigner();
        signer.init(true, new MLDSAPrivateKeyParameters(bcParameters(p), sk));
        signer.update(message, 0, message.length);
        try {
            return signer.generateSignature();
        } catch (CryptoException e) {
            throw new AssertionError(e);
        }
    }

    static boolean verify(MlDsaParameterSet p, byte[] pk, byte[] message, byte[] signature) {
        MLDSASigner verifier = new MLDSASigner();
        verifier.init(false, new MLDSAPublicKeyParameters(bcParameters(p), pk));
        verifier.update(message, 0, message.length);
        return verifier.verifySignature(signature);
    }
}
