package io.pqagent.qsmp.crypto;

import java.security.SecureRandom;

/** The operating system's generator (non-blocking DRBG seeded by the kernel). */
final class SystemEntropy implements EntropySource {
    static final SystemEntropy INSTANCE = new SystemEntropy();
    private final SecureRandom random = new SecureRandom();

    private SystemEntropy() {
    }

    @Override
    public void nextBytes(byte[] out) {
        random.nextBytes(out);
    }

    @Override
    public SecureRandom asSecureRandom() {
        return random;
    }
}
