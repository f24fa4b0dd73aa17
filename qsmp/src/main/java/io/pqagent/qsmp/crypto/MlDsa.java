package io.pqagent.qsmp.crypto;

import java.util.Arrays;
import org.bouncycastle.crypto.params.MLDSAParameters;
import org.bouncycastle.crypto.params.MLDSAPrivateKeyParameters;
import org.bouncycastle.crypto.params.MLDSAPublicKeyParameters;
import org.bouncycastle.crypto.signers.MLDSASigner;

/**
 * ML-DSA (FIPS 204), pure mode with an empty context, signing deterministically (no SecureRandom:
 * rnd = 0^32), which reproduces QSC's signatures byte for byte.
 */
final class MlDsa extends SignerBase {
    private static final int SEED_SIZE = 32; // ξ

    private final MLDSAParameters params;

    MlDsa(SignatureAlgorithm algorithm, MLDSAParameters params) {
        super(algorithm);
        this.params = params;
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
        requireSigningKey(signingKey);
        return signWith(new MLDSAPrivateKeyParameters(params, signingKey), message);
    }

    private byte[] signWith(MLDSAPrivateKeyParameters key, byte[] message) {
        MLDSASigner signer = new MLDSASigner();
        signer.init(true, key);
        signer.update(message, 0, message.length);
        try {
            return signer.generateSignature();
        } catch (org.bouncycastle.crypto.CryptoException e) {
            throw new IllegalStateException(name() + " signing failed", e);
        }
    }

    @Override
    public PreparedSigningKey prepare(byte[] signingKey) {
        requireSigningKey(signingKey);
        MLDSAPrivateKeyParameters parsed = new MLDSAPrivateKeyParameters(params, signingKey);
        return new PreparedSigningKey() {
            @Override
            public byte[] sign(byte[] message, EntropySource entropy) {
                return signWith(parsed, message);
            }

            @Override
            public void close() {
                parsed.destroy();
            }
        };
    }

    @Override
    public boolean verify(byte[] verificationKey, byte[] message, byte[] signature) {
        if (!wellFormed(verificationKey, signature)) {
            return false;
        }
        MLDSASigner verifier = new MLDSASigner();
        verifier.init(false, new MLDSAPublicKeyParameters(params, verificationKey));
        verifier.update(message, 0, message.length);
        return verifier.verifySignature(signature);
    }
}
