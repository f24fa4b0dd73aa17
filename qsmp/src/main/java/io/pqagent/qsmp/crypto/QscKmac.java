package io.pqagent.qsmp.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * KMAC as QSC's RCS uses it (QSMP-WIRE §5.5): keyed once, then one sponge that is never reset, so every tag
 * depends on everything absorbed since the key; each tag is a fixed-length KMAC finalize whose state carries
 * on into the next message. Rate 136 (KMAC256) for RCS-256, the non-NIST rate 72 for RCS-512; 24 rounds, or
 * 12 for the reduced-round "KMAC-R12" build.
 *
 * <p>The finalize reproduces QSC's handling of a right_encode that does not fit the current block; a
 * standard KMAC gives different tags at those lengths.
 */
final class QscKmac {
    /** SP 800-185 function name of standard KMAC. */
    static final byte[] KMAC_NAME = "KMAC".getBytes(StandardCharsets.US_ASCII);
    /** QSC's function name for its 12-round KMAC (confirmed by the KMAC-R12 vectors). */
    static final byte[] KMAC_R12_NAME = "KMACR12".getBytes(StandardCharsets.US_ASCII);
    private static final byte KMAC_DOMAIN = 0x04;
    /** right_encode(8 x tag length) of the two tag lengths RCS uses, shared by every instance (never written). */
    private static final byte[] SUFFIX_32 = Sp800185.rightEncode(8L * 32);
    private static final byte[] SUFFIX_64 = Sp800185.rightEncode(8L * 64);

    private final KeccakSponge sponge;
    private final int tagLength;
    private final byte[] lengthSuffix;

    /** Standard-round KMAC (function name "KMAC", 24 rounds). */
    QscKmac(int rate, byte[] key, int tagLength) {
        this(rate, KeccakF1600.STANDARD_ROUNDS, KMAC_NAME, key, tagLength);
    }

    /**
     * @param functionName the SP 800-185 N of the keying prefix ("KMAC"; "KMACR12" for the 12-round build)
     */
    QscKmac(int rate, int rounds, byte[] functionName, byte[] key, int tagLength) {
        if (tagLength <= 0 || tagLength > rate) {
            throw new IllegalArgumentException("KMAC tag length " + tagLength + " must be 1.." + rate);
        }
        this.sponge = new KeccakSponge(rate, rounds);
        this.tagLength = tagLength;
        this.lengthSuffix = switch (tagLength) {
            case 32 -> SUFFIX_32;
            case 64 -> SUFFIX_64;
            default -> Sp800185.rightEncode(8L * tagLength);
        };
        // SP 800-185 §4.3: bytepad(encode_string(N) || encode_string(S = ""), rate), then bytepad(encode_string(K), rate)
        sponge.absorb(Sp800185.bytepad(rate, Sp800185.encodeString(functionName), Sp800185.encodeString(new byte[0])));
        byte[] keyBlock = Sp800185.bytepad(rate, Sp800185.encodeString(key));
        sponge.absorb(keyBlock);
        Arrays.fill(keyBlock, (byte) 0);
    }

    private QscKmac(QscKmac other) {
        this.sponge = other.sponge.copy();
        this.tagLength = other.tagLength;
        this.lengthSuffix = other.lengthSuffix;
    }

    int tagLength() {
        return tagLength;
    }

    void update(byte[] in, int offset, int length) {
        sponge.absorb(in, offset, length);
    }

    void updateLong(long value) {
        sponge.absorbLong(value);
    }

    /** Writes the tag and leaves the sponge, post-squeeze, ready for the next message. */
    void finish(byte[] out, int offset) {
        finish(out, offset, RcsScratch.current().block);
    }

    /**
     * As {@link #finish(byte[], int)}, building the final block in {@code block} (at least one rate long;
     * wiped before returning), so that an idle instance holds no block buffer of its own.
     */
    void finish(byte[] out, int offset, byte[] block) {
        int rate = sponge.rate();
        int pos = sponge.position();
        int re = lengthSuffix.length;
        if (pos + re >= rate) {
            // QSMP-WIRE §5.5 quirk: QSC absorbs the partial block, permutes, and then builds the last block in
            // the same scratch buffer: right_encode and the domain byte overwrite its head while the stale
            // bytes at re+1 .. pos-1 stay in place.
            for (int i = 0; i < pos; i++) {
                block[i] = sponge.buffered(i);
            }
            Arrays.fill(block, pos, rate, (byte) 0);
            sponge.flushPartialBlock();
            System.arraycopy(lengthSuffix, 0, block, 0, re);
            block[re] = KMAC_DOMAIN;
        } else {
            for (int i = 0; i < pos; i++) {
                block[i] = sponge.buffered(i);
            }
            System.arraycopy(lengthSuffix, 0, block, pos, re);
            block[pos + re] = KMAC_DOMAIN;
            Arrays.fill(block, pos + re + 1, rate, (byte) 0);
        }
        block[rate - 1] |= (byte) 0x80;
        sponge.absorbBlockAndPermute(block);
        sponge.extract(out, offset, tagLength);
        Arrays.fill(block, 0, rate, (byte) 0);
    }

    QscKmac copy() {
        return new QscKmac(this);
    }

    void destroy() {
        sponge.destroy();
    }
}
