package io.pqagent.qsmp.crypto;

/** Name, sizes and input checks shared by the signature wrappers; the sizes are the algorithm's. */
abstract class SignerBase implements Signer {
    protected final SignatureAlgorithm algorithm;

    SignerBase(SignatureAlgorithm algorithm) {
        this.algorithm = algorithm;
    }

    @Override
    public final String name() {
        return algorithm.name();
    }

    @Override
    public final int verificationKeySize() {
        return algorithm.verificationKeySize();
    }

    @Override
    public final int signingKeySize() {
        return algorithm.signingKeySize();
    }

    @Override
    public final int signatureSize() {
        return algorithm.signatureSize();
    }

    protected final void requireSigningKey(byte[] signingKey) {
        if (signingKey.length != signingKeySize()) {
            throw new IllegalArgumentException(name() + " signing key must be " + signingKeySize() + " bytes");
        }
    }

    /** A key or signature of the wrong size cannot verify; say so without asking Bouncy Castle. */
    protected final boolean wellFormed(byte[] verificationKey, byte[] signature) {
        return verificationKey.length == verificationKeySize() && signature.length == signatureSize();
    }
}
