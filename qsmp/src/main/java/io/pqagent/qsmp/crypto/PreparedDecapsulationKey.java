package io.pqagent.qsmp.crypto;

/**
 * An ephemeral KEM private key kept in parsed form from its generation to its one decapsulation:
 * parsing an expanded ML-KEM key re-encodes it and re-hashes its public half (a check Bouncy Castle
 * runs on every construction), work a handshake need not repeat for a key it made itself.
 */
public interface PreparedDecapsulationKey extends AutoCloseable {

    /** As {@link Kem#decapsulate(byte[], byte[])} with the key this was prepared from. */
    SecretBytes decapsulate(byte[] ciphertext) throws DecapsulationException;

    /** Wipes the parsed key. */
    @Override
    void close();
}
