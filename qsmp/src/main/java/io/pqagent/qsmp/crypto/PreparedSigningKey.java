package io.pqagent.qsmp.crypto;

/**
 * A signing key parsed once for repeated use: parsing an expanded ML-DSA key recomputes its public
 * part, which costs about half a signature, so a long-term key is prepared once and kept.
 */
public interface PreparedSigningKey extends AutoCloseable {

    /** A detached signature of {@code message}; {@code entropy} is used only by randomized schemes. */
    byte[] sign(byte[] message, EntropySource entropy);

    /** Wipes the parsed key. */
    @Override
    void close();
}
