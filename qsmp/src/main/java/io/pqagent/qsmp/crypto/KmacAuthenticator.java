package io.pqagent.qsmp.crypto;

/**
 * RCS authentication with QSC's chained KMAC (QSMP-WIRE §5.5): the length block is LE64(32 + counter + 8),
 * absorbed after the ciphertext of each message.
 */
final class KmacAuthenticator implements RcsAuthenticator {
    /** The nonce size and the length field itself, which QSC adds to the byte counter. */
    private static final long LENGTH_BLOCK_BIAS = RcsVariant.NONCE_SIZE + Long.BYTES;

    private final QscKmac kmac;

    KmacAuthenticator(QscKmac kmac) {
        this.kmac = kmac;
    }

    @Override
    public int tagSize() {
        return kmac.tagLength();
    }

    @Override
    public void update(byte[] in, int offset, int length) {
        kmac.update(in, offset, length);
    }

    @Override
    public void updateCounter(long counter) {
        // QSMP-WIRE §5.5 step 5
        kmac.updateLong(counter + LENGTH_BLOCK_BIAS);
    }

    @Override
    public void finish(byte[] out, int offset, RcsScratch scratch) {
        kmac.finish(out, offset, scratch.block);
    }

    @Override
    public RcsAuthenticator copy() {
        return new KmacAuthenticator(kmac.copy());
    }

    @Override
    public void destroy() {
        kmac.destroy();
    }
}
