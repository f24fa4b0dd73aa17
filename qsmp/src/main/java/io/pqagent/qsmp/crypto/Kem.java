package io.pqagent.qsmp.crypto;

/**
 * The key-encapsulation mechanism of a parameter set (ML-KEM or Classic McEliece with plaintext
 * confirmation). Byte encodings are those of the QSC reference (FIPS 203 ek/dk/c; round-3 McEliece).
 */
public interface Kem {

    /** Every KEM in QSMP yields a 32-byte shared secret. */
    int SHARED_SECRET_SIZE = 32;

    String name();

    int publicKeySize();

    int privateKeySize();

    int ciphertextSize();

    /** Draws exactly what the QSC key generator draws, in the same order. */
    KemKeyPair generateKeyPair(EntropySource entropy);

    /**
     * As {@link #generateKeyPair}, drawing the same bytes, but the pair also keeps the private key parsed
     * for {@link #decapsulate(KemKeyPair, byte[])}; the caller closes the pair.
     */
    default KemKeyPair generatePreparedKeyPair(EntropySource entropy) {
        return generateKeyPair(entropy);
    }

    /** Draws exactly what the QSC encapsulation draws, in the same order. */
    Encapsulation encapsulate(byte[] publicKey, EntropySource entropy);

    /**
     * Recovers the shared secret. Implicit rejection (a ciphertext that does not decrypt) is reported
     * as a failure, as QSC does, rather than returning the pseudo-random rejection key.
     */
    SecretBytes decapsulate(byte[] privateKey, byte[] ciphertext) throws DecapsulationException;

    /** As {@link #decapsulate(byte[], byte[])} with the pair's private key, parsed once if the pair kept it so. */
    default SecretBytes decapsulate(KemKeyPair keyPair, byte[] ciphertext) throws DecapsulationException {
        PreparedDecapsulationKey prepared = keyPair.prepared();
        return prepared != null ? prepared.decapsulate(ciphertext) : decapsulate(keyPair.privateKey().bytes(), ciphertext);
    }
}
