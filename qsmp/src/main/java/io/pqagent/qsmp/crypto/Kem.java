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

    /** Draws exactly what the QSC encapsulation draws, in the same order. */
    Encapsulation encapsulate(byte[] publicKey, EntropySource entropy);

    /**
     * Recovers the shared secret. Implicit rejection (a ciphertext that does not decrypt) is reported
     * as a failure, as QSC does, rather than returning the pseudo-random rejection key.
     */
    SecretBytes decapsulate(byte[] privateKey, byte[] ciphertext) throws DecapsulationException;
}
