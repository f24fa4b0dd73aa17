package io.pqagent.qsmp.keys;

import io.pqagent.qsmp.crypto.ConfigString;
import io.pqagent.qsmp.crypto.EntropySource;
import io.pqagent.qsmp.crypto.ParameterSet;
import io.pqagent.qsmp.crypto.PreparedSigningKey;
import io.pqagent.qsmp.crypto.SecretBytes;
import io.pqagent.qsmp.crypto.Signer;
import java.util.Objects;

/**
 * Our own long-term key, the reference's {@code qsmp_server_signature_key} (QSMP-WIRE §8.1) and the
 * content of a {@code .qskey} file: the public record plus the signing key. {@link #close()} wipes the
 * signing key; nothing secret is ever printed.
 */
public final class SigningKeyRecord implements AutoCloseable {
    private final PublicKeyRecord publicRecord;
    private final SecretBytes signingKey;
    private volatile PreparedSigningKey prepared;

    /** Takes ownership of {@code signingKey}, which must have the size of the record's parameter set. */
    public SigningKeyRecord(PublicKeyRecord publicRecord, SecretBytes signingKey) {
        this.publicRecord = Objects.requireNonNull(publicRecord, "publicRecord");
        this.signingKey = Objects.requireNonNull(signingKey, "signingKey");
        int skSize = publicRecord.parameterSet().signatureAlgorithm().signingKeySize();
        if (signingKey.length() != skSize) {
            throw new IllegalArgumentException(publicRecord.config().text() + " signing keys are " + skSize
                    + " bytes, got " + signingKey.length());
        }
    }

    /** What the peer needs: everything but the signing key. */
    public PublicKeyRecord publicRecord() {
        return publicRecord;
    }

    public long expiration() {
        return publicRecord.expiration();
    }

    public ConfigString config() {
        return publicRecord.config();
    }

    public KeyId keyId() {
        return publicRecord.keyId();
    }

    public byte[] verificationKey() {
        return publicRecord.verificationKey();
    }

    public ParameterSet parameterSet() {
        return publicRecord.parameterSet();
    }

    /** The live secret; valid until {@link #close()}. */
    public SecretBytes signingKey() {
        return signingKey;
    }

    /**
     * Signs {@code hash} and returns the wire form {@code signature ‖ hash}. The key is parsed on first
     * use and kept until {@link #close()}; signing from several threads at once is safe, closing while
     * another thread signs is not.
     */
    public byte[] signHash(byte[] hash, EntropySource entropy) {
        return Signer.signedMessage(prepared().sign(hash, entropy), hash);
    }

    private PreparedSigningKey prepared() {
        PreparedSigningKey p = prepared;
        if (p == null) {
            synchronized (this) {
                if (signingKey.isDestroyed()) {
                    throw new IllegalStateException("signing key already closed");
                }
                p = prepared;
                if (p == null) {
                    p = parameterSet().signer().prepare(signingKey.bytes());
                    prepared = p;
                }
            }
        }
        return p;
    }

    public boolean isClosed() {
        return signingKey.isDestroyed();
    }

    @Override
    public synchronized void close() {
        if (prepared != null) {
            prepared.close();
            prepared = null;
        }
        signingKey.close();
    }

    @Override
    public String toString() {
        return "SigningKeyRecord[" + publicRecord.config().text() + ", keyId=" + publicRecord.keyId()
                + ", expiration=" + ExpirationText.render(publicRecord.expiration()) + " UTC, signingKey=<secret>]";
    }
}
