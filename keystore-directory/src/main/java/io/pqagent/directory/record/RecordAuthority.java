package io.pqagent.directory.record;

import io.pqagent.qsmp.crypto.EntropySource;
import io.pqagent.qsmp.crypto.PreparedSigningKey;
import io.pqagent.qsmp.crypto.SecretBytes;
import io.pqagent.qsmp.crypto.SigningKeyPair;

/**
 * The operator's offline authority: signs registrations and revocations on the operator's machine.
 * Replicas never hold it. {@link #close()} wipes the signing key.
 */
public final class RecordAuthority implements AutoCloseable {
    private final AuthorityKey publicKey;
    private final PreparedSigningKey signingKey;

    public RecordAuthority(AuthorityKey publicKey, SecretBytes signingKey) {
        if (signingKey.length() != AuthorityKey.ALGORITHM.signingKeySize()) {
            throw new IllegalArgumentException("an authority signing key is " + AuthorityKey.ALGORITHM.signingKeySize()
                    + " bytes, got " + signingKey.length());
        }
        this.publicKey = publicKey;
        this.signingKey = AuthorityKey.ALGORITHM.instance().prepare(signingKey.bytes());
    }

    /** A fresh authority key pair; the caller seals the signing key and closes the pair. */
    public static SigningKeyPair generate(EntropySource entropy) {
        return AuthorityKey.ALGORITHM.instance().generateKeyPair(entropy);
    }

    public AuthorityKey publicKey() {
        return publicKey;
    }

    /**
     * True if the signing key belongs to {@link #publicKey()}: signs a probe (outside the record signing
     * context, so it can never pass for a record) and verifies it.
     */
    public boolean matchesPublicKey() {
        byte[] probe = "pqagent authority key check".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        return publicKey.verifies(probe, signingKey.sign(probe, EntropySource.system()));
    }

    /** Signs {@code record}; the result verifies under {@link #publicKey()} (checked before returning). */
    public SignedRecord sign(DirectoryRecord record, EntropySource entropy) {
        byte[] body = RecordCodec.encode(record);
        byte[] signature = signingKey.sign(SignedRecord.signedBytes(body), entropy);
        if (!publicKey.verifies(SignedRecord.signedBytes(body), signature)) {
            throw new IllegalStateException("the authority signing key does not match its public key "
                    + publicKey.fingerprintHex());
        }
        return SignedRecord.of(record, body, signature);
    }

    @Override
    public void close() {
        signingKey.close();
    }

    @Override
    public String toString() {
        return "RecordAuthority[" + publicKey + ", signingKey=<secret>]";
    }
}
