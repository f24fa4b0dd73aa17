package io.pqagent.qsmp.crypto;

/**
 * An ephemeral KEM key pair; the private half is wiped when the handshake step that used it ends.
 * {@code prepared} is the same private key kept parsed for a fast decapsulation, or {@code null} (see
 * {@link Kem#generatePreparedKeyPair}); {@link #close()} wipes both forms.
 */
public record KemKeyPair(byte[] publicKey, SecretBytes privateKey, PreparedDecapsulationKey prepared)
        implements AutoCloseable {

    public KemKeyPair(byte[] publicKey, SecretBytes privateKey) {
        this(publicKey, privateKey, null);
    }

    /** Wipes the private key and its parsed form, if any. */
    @Override
    public void close() {
        privateKey.close();
        if (prepared != null) {
            prepared.close();
        }
    }

    @Override
    public String toString() {
        return "KemKeyPair[publicKey=" + publicKey.length + " bytes, privateKey=<secret>]";
    }
}
