package io.pqagent.qsmp.crypto;

/**
 * The two RCS sizes (QSMP-WIRE §5.1): RCS-256 for Simplex, RCS-512 for Duplex and after every ratchet.
 */
public enum RcsVariant {
    /** 32-byte key, 22 rounds, cSHAKE256 key schedule, KMAC256 tag 32. */
    RCS256(32, 22, Cshake.RATE_256, (byte) 0x01, "RCSK256"),
    /** 64-byte key, 30 rounds, rate-72 cSHAKE key schedule, rate-72 KMAC tag 64. */
    RCS512(64, 30, Cshake.RATE_512, (byte) 0x02, "RCSK512");

    /** Counter block (nonce) size for both sizes. */
    public static final int NONCE_SIZE = 32;
    /** Rijndael-256 block size. */
    public static final int BLOCK_SIZE = 32;

    private final int keySize;
    private final int rounds;
    private final int rate;
    private final byte sizeCode;
    private final String name;

    RcsVariant(int keySize, int rounds, int rate, byte sizeCode, String name) {
        this.keySize = keySize;
        this.rounds = rounds;
        this.rate = rate;
        this.sizeCode = sizeCode;
        this.name = name;
    }

    public int keySize() {
        return keySize;
    }

    public int rounds() {
        return rounds;
    }

    /** The Keccak rate of the key schedule and of the KMAC (136 or 72 bytes). */
    public int rate() {
        return rate;
    }

    /** Round-key bytes: (rounds + 1) x 32. */
    public int roundKeyBytes() {
        return (rounds + 1) * BLOCK_SIZE;
    }

    /**
     * The cSHAKE function name N of the key schedule (§5.1): 0x01, eight zero bytes, the size code, then
     * "RCSK256"/"RCSK512" (17 bytes) in the authenticated build, or just "RCS" (13 bytes) without a MAC.
     */
    public byte[] cshakeName(boolean authenticated) {
        String text = authenticated ? name : "RCS";
        byte[] n = new byte[10 + text.length()];
        n[0] = 0x01;
        n[9] = sizeCode;
        for (int i = 0; i < text.length(); i++) {
            n[10 + i] = (byte) text.charAt(i);
        }
        return n;
    }

    /** The RCS size whose key has {@code length} bytes. */
    public static RcsVariant forKeySize(int length) {
        for (RcsVariant v : values()) {
            if (v.keySize == length) {
                return v;
            }
        }
        throw new IllegalArgumentException("no RCS variant has a " + length + "-byte key (32 or 64)");
    }
}
