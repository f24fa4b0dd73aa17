package io.pqagent.qsmp.crypto;

/** A long-term signature key pair; the signing key is a secret. */
public record SigningKeyPair(byte[] verificationKey, SecretBytes signingKey) {
    @Override
    public String toString() {
        return "SigningKeyPair[verificationKey=" + verificationKey.length + " bytes, signingKey=<secret>]";
    }
}
