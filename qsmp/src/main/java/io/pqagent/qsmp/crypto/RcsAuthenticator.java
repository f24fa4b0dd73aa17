package io.pqagent.qsmp.crypto;

/**
 * The chained MAC of one RCS instance. Items are absorbed in order (associated data, its length, the nonce,
 * the ciphertext, the length block); {@link #finish} writes the tag and keeps the state for the next message.
 */
interface RcsAuthenticator {
    /** Keccak rounds of QSC's reduced-round KMAC build. */
    int REDUCED_KMAC_ROUNDS = 12;

    int tagSize();

    /** Absorbs one item (QMAC pads each item to whole blocks; KMAC absorbs a continuous stream). */
    void update(byte[] in, int offset, int length);

    /** Absorbs the per-message length block for the byte counter, if this MAC has one. */
    void updateCounter(long counter);

    /** Writes the tag at {@code out[offset..]}; {@code scratch} is this thread's working space. */
    void finish(byte[] out, int offset, RcsScratch scratch);

    RcsAuthenticator copy();

    void destroy();

    static RcsAuthenticator create(MacMode mode, RcsVariant variant, byte[] macKey, byte[] initialNonce) {
        return switch (mode) {
            case KMAC -> new KmacAuthenticator(new QscKmac(variant.rate(), macKey, variant.keySize()));
            case KMAC_R12 -> new KmacAuthenticator(
                    new QscKmac(variant.rate(), REDUCED_KMAC_ROUNDS, QscKmac.KMAC_R12_NAME, macKey, variant.keySize()));
            case QMAC -> {
                // QSMP-WIRE §5.6: QMAC keys with the first 32 bytes of the MAC-key block, for both sizes
                byte[] k = java.util.Arrays.copyOf(macKey, Qmac.KEY_SIZE);
                try {
                    yield new QmacAuthenticator(new Qmac(variant.rate(), k, initialNonce));
                } finally {
                    java.util.Arrays.fill(k, (byte) 0);
                }
            }
            case NONE -> throw new IllegalArgumentException("MacMode.NONE has no authenticator");
        };
    }
}
