package io.pqagent.qsmp.crypto;

import java.util.Arrays;

/**
 * The signature scheme of a parameter set (ML-DSA pure with empty context, deterministic; or SPHINCS+
 * round 3 SHAKE robust). QSMP signs hashes only, and puts a signed item on the wire as
 * {@code signature ‖ hash} (the QSC "signed message").
 */
public interface Signer {

    String name();

    int verificationKeySize();

    int signingKeySize();

    int signatureSize();

    /** Draws exactly what the QSC key generator draws. */
    SigningKeyPair generateKeyPair(EntropySource entropy);

    /** A detached signature of {@code message}; {@code entropy} is used only by randomized schemes. */
    byte[] sign(byte[] signingKey, byte[] message, EntropySource entropy);

    boolean verify(byte[] verificationKey, byte[] message, byte[] signature);

    /** Parses {@code signingKey} once for repeated signing; the caller closes the result. */
    default PreparedSigningKey prepare(byte[] signingKey) {
        byte[] copy = signingKey.clone();
        return new PreparedSigningKey() {
            @Override
            public byte[] sign(byte[] message, EntropySource entropy) {
                return Signer.this.sign(copy, message, entropy);
            }

            @Override
            public void close() {
                java.util.Arrays.fill(copy, (byte) 0);
            }
        };
    }

    /** {@code signature ‖ hash}, the wire form of every signed item. */
    default byte[] signHash(byte[] signingKey, byte[] hash, EntropySource entropy) {
        return signedMessage(sign(signingKey, hash, entropy), hash);
    }

    /** {@code signature ‖ hash}. */
    static byte[] signedMessage(byte[] sig, byte[] hash) {
        byte[] out = Arrays.copyOf(sig, sig.length + hash.length);
        System.arraycopy(hash, 0, out, sig.length, hash.length);
        return out;
    }

    /**
     * Verifies a {@code signature ‖ hash} item of {@code signatureSize() + hashLength} bytes starting at
     * {@code offset} and returns the embedded hash, or {@code null} if the signature does not verify.
     */
    default byte[] openSignedHash(byte[] verificationKey, byte[] buf, int offset, int hashLength) {
        int sigLen = signatureSize();
        byte[] sig = Arrays.copyOfRange(buf, offset, offset + sigLen);
        byte[] hash = Arrays.copyOfRange(buf, offset + sigLen, offset + sigLen + hashLength);
        return verify(verificationKey, hash, sig) ? hash : null;
    }
}
