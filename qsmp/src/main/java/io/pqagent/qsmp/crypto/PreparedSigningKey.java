package io.pqagent.qsmp.crypto;

/**
 * A signing key parsed once for repeated use: preparing an ML-DSA key expands the matrix Â and
 * transforms s1, s2 and t0, work that every later signature then skips, so a long-term key is prepared
 * once and kept.
 */
public interface PreparedSigningKey extends AutoCloseable {

    /** A detached signature of {@code message}; {@code entropy} is used only by randomized schemes. */
    byte[] sign(byte[] message, EntropySource entropy);

    /** Wipes the parsed key. */
    @Override
    void close();
}
