package io.pqagent.qsmp.crypto;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * One value per QSMP configuration string (QSMP-WIRE §1.1): the signature scheme, the KEM and their
 * sizes. Sizes are spelled out here, not inferred from the string, and checked against Bouncy Castle
 * by a test. Sets marked flagged (McEliece, SPHINCS+) are refused unless explicitly allowed (profile rule 3).
 */
public enum ParameterSet {
    DILITHIUM_S1_KYBER_S1("dilithium-s1_kyber-s1_sha3_rcs", SignatureAlgorithm.ML_DSA_44, KemAlgorithm.ML_KEM_512),
    DILITHIUM_S3_KYBER_S3("dilithium-s3_kyber-s3_sha3_rcs", SignatureAlgorithm.ML_DSA_65, KemAlgorithm.ML_KEM_768),
    DILITHIUM_S5_KYBER_S5("dilithium-s5_kyber-s5_sha3_rcs", SignatureAlgorithm.ML_DSA_87, KemAlgorithm.ML_KEM_1024),
    DILITHIUM_S3_MCELIECE_S3("dilithium-s3_mceliece-s3_sha3_rcs", SignatureAlgorithm.ML_DSA_65, KemAlgorithm.MCELIECE_460896),
    DILITHIUM_S5_MCELIECE_S5("dilithium-s5_mceliece-s5_sha3_rcs", SignatureAlgorithm.ML_DSA_87, KemAlgorithm.MCELIECE_6688128),
    DILITHIUM_S5_MCELIECE_S6("dilithium-s5_mceliece-s6_sha3_rcs", SignatureAlgorithm.ML_DSA_87, KemAlgorithm.MCELIECE_6960119),
    DILITHIUM_S5_MCELIECE_S7("dilithium-s5_mceliece-s7_sha3_rcs", SignatureAlgorithm.ML_DSA_87, KemAlgorithm.MCELIECE_8192128),
    // the reference spells the level-3 SPHINCS+ strings without the "s" (QSMP-WIRE §1.1, sic)
    SPHINCS_S3F_MCELIECE_S3("sphincs-3f_mceliece-s3_sha3_rcs", SignatureAlgorithm.SPHINCS_SHAKE_192F, KemAlgorithm.MCELIECE_460896),
    SPHINCS_S3S_MCELIECE_S3("sphincs-3s_mceliece-s3_sha3_rcs", SignatureAlgorithm.SPHINCS_SHAKE_192S, KemAlgorithm.MCELIECE_460896),
    SPHINCS_S5F_MCELIECE_S5("sphincs-s5f_mceliece-s5_sha3_rcs", SignatureAlgorithm.SPHINCS_SHAKE_256F, KemAlgorithm.MCELIECE_6688128),
    SPHINCS_S5S_MCELIECE_S5("sphincs-s5s_mceliece-s5_sha3_rcs", SignatureAlgorithm.SPHINCS_SHAKE_256S, KemAlgorithm.MCELIECE_6688128),
    SPHINCS_S5F_MCELIECE_S6("sphincs-s5f_mceliece-s6_sha3_rcs", SignatureAlgorithm.SPHINCS_SHAKE_256F, KemAlgorithm.MCELIECE_6960119),
    SPHINCS_S5S_MCELIECE_S6("sphincs-s5s_mceliece-s6_sha3_rcs", SignatureAlgorithm.SPHINCS_SHAKE_256S, KemAlgorithm.MCELIECE_6960119),
    SPHINCS_S5F_MCELIECE_S7("sphincs-s5f_mceliece-s7_sha3_rcs", SignatureAlgorithm.SPHINCS_SHAKE_256F, KemAlgorithm.MCELIECE_8192128),
    SPHINCS_S5S_MCELIECE_S7("sphincs-s5s_mceliece-s7_sha3_rcs", SignatureAlgorithm.SPHINCS_SHAKE_256S, KemAlgorithm.MCELIECE_8192128);

    private static final String MCELIECE_348864_MISSING =
            "Classic McEliece 348864 is not provided by Bouncy Castle 1.87";

    /** The profile's default (rule 1): ML-DSA-87 + ML-KEM-1024. */
    public static final ParameterSet DEFAULT = DILITHIUM_S5_KYBER_S5;

    /**
     * Strings of the reference that we recognise only to refuse with a clear reason: Kyber k=5 is
     * non-standard (rule 3), and Bouncy Castle 1.87 no longer provides Classic McEliece 348864.
     */
    private static final Map<String, String> REFUSED = Map.of(
            "dilithium-s5_kyber-s6_sha3_rcs", "Kyber k=5 is non-standard and not supported",
            "dilithium-s1_mceliece-s1_sha3_rcs", MCELIECE_348864_MISSING,
            "sphincs-s1f_mceliece-s1_sha3_rcs", MCELIECE_348864_MISSING,
            "sphincs-s1s_mceliece-s1_sha3_rcs", MCELIECE_348864_MISSING);

    private final ConfigString config;
    private final SignatureAlgorithm signature;
    private final KemAlgorithm kem;

    ParameterSet(String text, SignatureAlgorithm signature, KemAlgorithm kem) {
        this.config = ConfigString.of(text);
        this.signature = signature;
        this.kem = kem;
    }

    public ConfigString config() {
        return config;
    }

    public Signer signer() {
        return signature.instance();
    }

    public Kem kem() {
        return kem.instance();
    }

    public SignatureAlgorithm signatureAlgorithm() {
        return signature;
    }

    public KemAlgorithm kemAlgorithm() {
        return kem;
    }

    /** McEliece and SPHINCS+ sets: huge keys, slow key generation, cryptanalysis concerns. */
    public boolean flagged() {
        return kem.flagged() || signature.flagged();
    }

    /** Finds the set whose configuration text is {@code text} (no NULs), if any. */
    public static Optional<ParameterSet> byText(String text) {
        return Arrays.stream(values()).filter(p -> p.config.text().equals(text)).findFirst();
    }

    /**
     * The set for a configuration text as an operator wrote it, enforcing the profile: unknown and
     * {@code kyber-s6} strings are refused, flagged sets need {@code allowFlagged}.
     */
    public static ParameterSet select(String text, boolean allowFlagged) {
        String refusal = REFUSED.get(text);
        if (refusal != null) {
            throw new IllegalArgumentException("configuration '" + text + "' is refused: " + refusal);
        }
        ParameterSet set = byText(text).orElseThrow(() -> new IllegalArgumentException(
                "unknown QSMP configuration '" + text + "'"));
        if (set.flagged() && !allowFlagged) {
            throw new IllegalArgumentException("configuration '" + text
                    + "' is flagged (Classic McEliece / SPHINCS+: very large keys, slow key generation);"
                    + " allow flagged parameter sets explicitly to use it");
        }
        return set;
    }

    /** Finds the set of a received 48-byte configuration field, if it names one exactly. */
    public static Optional<ParameterSet> byConfigField(byte[] field48) {
        return Arrays.stream(values()).filter(p -> ConstantTime.equals(p.config.field(), field48)).findFirst();
    }
}
