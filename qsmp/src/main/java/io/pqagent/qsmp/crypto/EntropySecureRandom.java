package io.pqagent.qsmp.crypto;

import java.security.SecureRandom;

/** Adapts an {@link EntropySource} to the {@link SecureRandom} that Bouncy Castle asks for. */
final class EntropySecureRandom extends SecureRandom {
    private static final long serialVersionUID = 1L;
    private final transient EntropySource source;

    EntropySecureRandom(EntropySource source) {
        super(null, null);
        this.source = source;
    }

    @Override
    public void nextBytes(byte[] bytes) {
        source.nextBytes(bytes);
    }

    @Override
    public byte[] generateSeed(int numBytes) {
        return source.nextBytes(numBytes);
    }

    @Override
    public void setSeed(long seed) {
        // SecureRandom's constructor calls this before 'source' is set; seeding is not ours to take.
    }

    @Override
    public void setSeed(byte[] seed) {
        // ignored: the source decides every byte
    }

    @Override
    public String getAlgorithm() {
        return "EntropySource";
    }
}
