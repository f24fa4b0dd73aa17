package io.pqagent.keystore;

/**
 * What a sealed file holds, byte 9 of its header. Bound into the authenticated data, so an authority key
 * file can never be opened as an identity or the other way round. Codes are never renumbered.
 */
public enum SealedContent {
    /** An agent's identity: {@link IdentityCodec}. */
    IDENTITY(1),
    /** The directory authority's signing key (its layout is the directory's business). */
    AUTHORITY_KEY(2);

    private final int code;

    SealedContent(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    static SealedContent ofCode(int code) {
        for (SealedContent c : values()) {
            if (c.code == code) {
                return c;
            }
        }
        return null;
    }
}
