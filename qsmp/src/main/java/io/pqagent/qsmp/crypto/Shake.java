package io.pqagent.qsmp.crypto;

/**
 * SHAKE128 and SHAKE256 (FIPS 202 §6.2) as an incremental sponge for ML-DSA (its G and H): absorb, then
 * squeeze any number of bytes in any chunks. One instance serves one hash at a time; {@link #reset()}
 * reuses it. Built on {@link KeccakSponge}, the sponge of the RCS MAC.
 */
public final class Shake {
    public static final int RATE_128 = 168;
    public static final int RATE_256 = 136;
    /** SHAKE's domain bits 1111 with the first pad bit. */
    private static final byte SHAKE_DOMAIN = 0x1F;

    private final KeccakSponge sponge;
    private final byte[] two = new byte[2];
    /** While squeezing: bytes of the current block already read; -1 while absorbing. */
    private int squeezed = -1;

    private Shake(int rate) {
        this.sponge = new KeccakSponge(rate, KeccakF1600.STANDARD_ROUNDS);
    }

    public static Shake shake128() {
        return new Shake(RATE_128);
    }

    public static Shake shake256() {
        return new Shake(RATE_256);
    }

    public int rate() {
        return sponge.rate();
    }

    public Shake absorb(byte[] in) {
        return absorb(in, 0, in.length);
    }

    public Shake absorb(byte[] in, int offset, int length) {
        if (squeezed >= 0) {
            throw new IllegalStateException("SHAKE already squeezing");
        }
        sponge.absorb(in, offset, length);
        return this;
    }

    /** Absorbs the two bytes of a 16-bit little-endian integer (the nonces of ExpandA and ExpandMask). */
    public Shake absorbTwoBytes(int value) {
        two[0] = (byte) value;
        two[1] = (byte) (value >>> 8);
        return absorb(two, 0, 2);
    }

    /** Squeezes {@code length} bytes; the first call pads the absorbed input. */
    public void squeeze(byte[] out, int offset, int length) {
        int rate = sponge.rate();
        if (squeezed < 0) {
            sponge.pad(SHAKE_DOMAIN);
            squeezed = rate;
        }
        int off = offset;
        int len = length;
        while (len > 0) {
            if (squeezed == rate) {
                sponge.permute();
                squeezed = 0;
            }
            int n = Math.min(len, rate - squeezed);
            sponge.extract(squeezed, out, off, n);
            squeezed += n;
            off += n;
            len -= n;
        }
    }

    /** Back to an empty absorbing state, wiping what was hashed. */
    public void reset() {
        sponge.destroy();
        squeezed = -1;
    }
}
