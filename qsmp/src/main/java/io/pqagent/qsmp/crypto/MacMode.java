package io.pqagent.qsmp.crypto;

/** How an RCS instance authenticates (QSMP-WIRE §5.1, §5.5, §5.6). */
public enum MacMode {
    /** Chained KMAC with 24-round Keccak: the QSMP default (profile rule 1); tag 32 (RCS-256) or 64 (RCS-512). */
    KMAC,
    /** QSC's QMAC: the per-peer option for C peers built with the spring-2025 QSC default; tag 32. */
    QMAC,
    /** KMAC on 12-round Keccak (QSC's reduced-round build); only to check QSC's informational vectors. */
    KMAC_R12,
    /** No MAC (QSC built without QSC_RCS_AUTHENTICATED, 13-byte cSHAKE name); only to check the keystream vectors. */
    NONE;

    /** The tag length this mode produces for {@code variant}. */
    public int tagSize(RcsVariant variant) {
        return switch (this) {
            case KMAC, KMAC_R12 -> variant.keySize();
            case QMAC -> Qmac.TAG_SIZE;
            case NONE -> 0;
        };
    }

    public boolean authenticated() {
        return this != NONE;
    }
}
