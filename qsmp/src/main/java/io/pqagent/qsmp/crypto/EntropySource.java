package io.pqagent.qsmp.crypto;

import java.security.SecureRandom;

/**
 * Where every random byte of the protocol comes from. Injected so that a test can replay the
 * C reference's deterministic streams (transcripts) and production uses the system generator.
 */
@FunctionalInterface
public interface EntropySource {

    /** Fills {@code out} with the next {@code out.length} bytes of this source. */
    void nextBytes(byte[] out);

    default byte[] nextBytes(int length) {
        byte[] b = new byte[length];
        nextBytes(b);
        return b;
    }

    /**
     * A {@link SecureRandom} view for Bouncy Castle generators: every draw they make is taken from
     * this source, in the order they make it (the transcripts rely on that order).
     */
    default SecureRandom asSecureRandom() {
        return new EntropySecureRandom(this);
    }

    static EntropySource system() {
        return SystemEntropy.INSTANCE;
    }
}
