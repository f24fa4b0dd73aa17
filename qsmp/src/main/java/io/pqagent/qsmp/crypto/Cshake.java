package io.pqagent.qsmp.crypto;

/**
 * cSHAKE (NIST SP 800-185 §3) over Keccak-f[1600] with a chosen rate: 136 is NIST cSHAKE256, 72 is the
 * non-NIST capacity-1024 "cSHAKE-512" that QSC uses for Duplex keys and the RCS-512 key schedule
 * (QSMP-WIRE §4). As in QSC, the prefix is always absorbed (no fallback to SHAKE, N is never empty in
 * QSMP) and output is squeezed in whole blocks, so one output stream can be sliced at any block offset.
 */
public final class Cshake {
    /** NIST cSHAKE256. */
    public static final int RATE_256 = 136;
    /** QSC's rate-72 variant ("cSHAKE-512"). */
    public static final int RATE_512 = 72;

    private static final byte CSHAKE_DOMAIN = 0x04;

    private Cshake() {
    }

    /**
     * The first {@code outLength} bytes of cSHAKE(X = x, N = n, S = s) at the given rate.
     *
     * @param rate 136 or 72
     */
    public static byte[] derive(int rate, byte[] x, byte[] n, byte[] s, int outLength) {
        if (rate != RATE_256 && rate != RATE_512) {
            throw new IllegalArgumentException("cSHAKE rate must be 136 or 72, got " + rate);
        }
        if (outLength < 0) {
            throw new IllegalArgumentException("negative cSHAKE output length " + outLength);
        }
        KeccakSponge sponge = absorbed(rate, KeccakF1600.STANDARD_ROUNDS, x, n, s);
        byte[] out = new byte[outLength];
        for (int off = 0; off < outLength; off += rate) {
            sponge.permute();
            sponge.extract(out, off, Math.min(rate, outLength - off));
        }
        sponge.destroy();
        return out;
    }

    /** A sponge that has absorbed bytepad(encode_string(N) || encode_string(S), rate), X and the padding. */
    static KeccakSponge absorbed(int rate, int rounds, byte[] x, byte[] n, byte[] s) {
        KeccakSponge sponge = new KeccakSponge(rate, rounds);
        sponge.absorb(Sp800185.bytepad(rate, Sp800185.encodeString(n), Sp800185.encodeString(s)));
        sponge.absorb(x);
        sponge.pad(CSHAKE_DOMAIN);
        return sponge;
    }
}
