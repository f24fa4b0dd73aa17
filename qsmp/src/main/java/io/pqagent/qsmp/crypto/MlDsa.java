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
final class MlDsa implements Signer {
    private static final int SEED_SIZE = 32; // ξ

    private final MLDSAParameters params;
    private final String name;
    private final int verificationKeySize;
    private final int signingKeySize;
    private final int signatureSize;

    MlDsa(MLDSAParameters params, String name, int verificationKeySize, int signingKeySize, int signatureSize) {
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
        if (signingKey.length != signingKeySize) {
            throw new IllegalArgumentException(name + " signing key must be " + signingKeySize + " bytes");
        }
        return signWith(new MLDSAPrivateKeyParameters(params, signingKey), message);
    }

    private byte[] signWith(MLDSAPrivateKeyParameters key, byte[] message) {
        MLDSASigner signer = new MLDSASigner();
        signer.init(true, key);
        signer.update(message, 0, message.length);
        try {
            return signer.generateSignature();
        } catch (org.bouncycastle.crypto.CryptoException e) {
            throw new IllegalStateException(name + " signing failed", e);
        }
    }

    @Override
    public PreparedSigningKey prepare(byte[] signingKey) {
        if (signingKey.length != signingKeySize) {
            throw new IllegalArgumentException(name + " signing key must be " + signingKeySize + " bytes");
        }
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
        if (verificationKey.length != verificationKeySize || signature.length != signatureSize) {
            return false;
        }
        MLDSASigner verifier = new MLDSASigner();
        verifier.init(false, new MLDSAPublicKeyParameters(params, verificationKey));
        verifier.update(message, 0, message.length);
        return verifier.verifySignature(signature);
    }
}
