package io.pqagent.qsmp.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import org.bouncycastle.crypto.params.CMCEParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The parameter sets: the sizes we declare are those of QSMP-WIRE §1.4/§1.5 and those Bouncy Castle
 * produces, and {@code select} enforces profile rule 3.
 */
class ParameterSetTest {

    /** QSMP-WIRE §1.5: VK, SK(sig), SIG, KEM PK, KEM SK (§1.4), KEM CT, for every set we implement. */
    private static final Map<String, int[]> TABLE = Map.ofEntries(
            Map.entry("dilithium-s1_kyber-s1_sha3_rcs", new int[] {1312, 2560, 2420, 800, 1632, 768}),
            Map.entry("dilithium-s3_kyber-s3_sha3_rcs", new int[] {1952, 4032, 3309, 1184, 2400, 1088}),
            Map.entry("dilithium-s5_kyber-s5_sha3_rcs", new int[] {2592, 4896, 4627, 1568, 3168, 1568}),
            Map.entry("dilithium-s3_mceliece-s3_sha3_rcs", new int[] {1952, 4032, 3309, 524160, 13608, 188}),
            Map.entry("dilithium-s5_mceliece-s5_sha3_rcs", new int[] {2592, 4896, 4627, 1044992, 13932, 240}),
            Map.entry("dilithium-s5_mceliece-s6_sha3_rcs", new int[] {2592, 4896, 4627, 1047319, 13948, 226}),
            Map.entry("dilithium-s5_mceliece-s7_sha3_rcs", new int[] {2592, 4896, 4627, 1357824, 14120, 240}),
            Map.entry("sphincs-3f_mceliece-s3_sha3_rcs", new int[] {48, 96, 35664, 524160, 13608, 188}),
            Map.entry("sphincs-3s_mceliece-s3_sha3_rcs", new int[] {48, 96, 16224, 524160, 13608, 188}),
            Map.entry("sphincs-s5f_mceliece-s5_sha3_rcs", new int[] {64, 128, 49856, 1044992, 13932, 240}),
            Map.entry("sphincs-s5s_mceliece-s5_sha3_rcs", new int[] {64, 128, 29792, 1044992, 13932, 240}),
            Map.entry("sphincs-s5f_mceliece-s6_sha3_rcs", new int[] {64, 128, 49856, 1047319, 13948, 226}),
            Map.entry("sphincs-s5s_mceliece-s6_sha3_rcs", new int[] {64, 128, 29792, 1047319, 13948, 226}),
            Map.entry("sphincs-s5f_mceliece-s7_sha3_rcs", new int[] {64, 128, 49856, 1357824, 14120, 240}),
            Map.entry("sphincs-s5s_mceliece-s7_sha3_rcs", new int[] {64, 128, 29792, 1357824, 14120, 240}));

    @ParameterizedTest
    @EnumSource(ParameterSet.class)
    void declaredSizesAreThoseOfTheWireNotes(ParameterSet set) {
        int[] row = TABLE.get(set.config().text());
        assertThat(row).as("%s is in the table", set.config().text()).isNotNull();
        Signer s = set.signer();
        Kem k = set.kem();
        assertThat(new int[] {s.verificationKeySize(), s.signingKeySize(), s.signatureSize(),
                k.publicKeySize(), k.privateKeySize(), k.ciphertextSize()}).as(set.name()).isEqualTo(row);
        assertThat(new int[] {set.signatureAlgorithm().verificationKeySize(), set.signatureAlgorithm().signingKeySize(),
                set.signatureAlgorithm().signatureSize(), set.kemAlgorithm().publicKeySize(),
                set.kemAlgorithm().privateKeySize(), set.kemAlgorithm().ciphertextSize()}).isEqualTo(row);
    }

    @Test
    void everyImplementedSetIsInTheTable() {
        assertThat(Arrays.stream(ParameterSet.values()).map(p -> p.config().text())).containsExactlyInAnyOrderElementsOf(TABLE.keySet());
    }

    @ParameterizedTest
    @EnumSource(value = SignatureAlgorithm.class, names = "ML_DSA_.*", mode = EnumSource.Mode.MATCH_ANY)
    void mlDsaProducesTheDeclaredSizes(SignatureAlgorithm alg) {
        assertSignerSizes(alg, true);
    }

    /** Key sizes for all SPHINCS+ sets; signature sizes for the fast ones only (an "s" signature takes seconds). */
    @ParameterizedTest
    @EnumSource(value = SignatureAlgorithm.class, names = "SPHINCS_.*", mode = EnumSource.Mode.MATCH_ANY)
    void sphincsProducesTheDeclaredSizes(SignatureAlgorithm alg) {
        assertSignerSizes(alg, alg.name().endsWith("F"));
    }

    private static void assertSignerSizes(SignatureAlgorithm alg, boolean sign) {
        Signer s = alg.instance();
        ShakeEntropy entropy = new ShakeEntropy("sizes-" + alg);
        SigningKeyPair kp = s.generateKeyPair(entropy);
        assertThat(kp.verificationKey()).hasSize(alg.verificationKeySize());
        assertThat(kp.signingKey().length()).isEqualTo(alg.signingKeySize());
        if (sign) {
            byte[] hash = new byte[32];
            byte[] sig = s.sign(kp.signingKey().bytes(), hash, entropy);
            assertThat(sig).hasSize(alg.signatureSize());
            assertThat(s.verify(kp.verificationKey(), hash, sig)).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(value = KemAlgorithm.class, names = "ML_KEM_.*", mode = EnumSource.Mode.MATCH_ANY)
    void mlKemProducesTheDeclaredSizes(KemAlgorithm alg) throws DecapsulationException {
        Kem k = alg.instance();
        ShakeEntropy entropy = new ShakeEntropy("sizes-" + alg);
        KemKeyPair kp = k.generateKeyPair(entropy);
        assertThat(kp.publicKey()).hasSize(alg.publicKeySize());
        assertThat(kp.privateKey().length()).isEqualTo(alg.privateKeySize());
        Encapsulation enc = k.encapsulate(kp.publicKey(), entropy);
        assertThat(enc.ciphertext()).hasSize(alg.ciphertextSize());
        assertThat(enc.sharedSecret().length()).isEqualTo(Kem.SHARED_SECRET_SIZE);
        assertThat(k.decapsulate(kp.privateKey().bytes(), enc.ciphertext()).bytes()).isEqualTo(enc.sharedSecret().bytes());
    }

    /**
     * McEliece key generation takes seconds, so sizes come from Bouncy Castle's own parameters (n, m, t)
     * through the round-3 encodings: pk = mt rows of ⌈(n − mt)/8⌉ bytes; sk = δ 32 + c 8 + g 2t + the
     * Beneš control bits (2m − 1)·2^(m−4) + s n/8; pc ciphertext = ⌈mt/8⌉ + 32. The 6688128 keys of the
     * transcripts confirm the formulas on real keys.
     */
    @Test
    @SuppressWarnings("deprecation") // BC 1.87 deprecates its CMCE classes; they are still what crypto uses
    void mcElieceSizesFollowFromBouncyCastlesParameters() {
        Map<KemAlgorithm, CMCEParameters> bc = Map.of(
                KemAlgorithm.MCELIECE_460896, CMCEParameters.mceliece460896pc,
                KemAlgorithm.MCELIECE_6688128, CMCEParameters.mceliece6688128pc,
                KemAlgorithm.MCELIECE_6960119, CMCEParameters.mceliece6960119pc,
                KemAlgorithm.MCELIECE_8192128, CMCEParameters.mceliece8192128pc);
        EnumSet<KemAlgorithm> mcEliece = EnumSet.noneOf(KemAlgorithm.class);
        Arrays.stream(KemAlgorithm.values()).filter(KemAlgorithm::flagged).forEach(mcEliece::add);
        assertThat(bc.keySet()).containsExactlyInAnyOrderElementsOf(mcEliece);
        bc.forEach((alg, p) -> {
            int n = p.getN();
            int m = p.getM();
            int t = p.getT();
            int mt = m * t;
            assertThat(alg.publicKeySize()).as(alg.name()).isEqualTo(mt * ((n - mt + 7) / 8));
            assertThat(alg.privateKeySize()).as(alg.name()).isEqualTo(32 + 8 + 2 * t + (2 * m - 1) * (1 << (m - 4)) + n / 8);
            assertThat(alg.ciphertextSize()).as(alg.name()).isEqualTo((mt + 7) / 8 + 32);
        });

        JsonNode t = TranscriptPrimitivesTest.transcript("simplex-mceliece6688128-mldsa87");
        JsonNode keygen = t.get("secrets").get("server").get("kem_operations").get(0);
        assertThat(keygen.get("op").asText()).isEqualTo("keygen");
        assertThat(keygen.get("public_key_hex").asText().length() / 2).isEqualTo(KemAlgorithm.MCELIECE_6688128.publicKeySize());
        assertThat(keygen.get("private_key_hex").asText().length() / 2).isEqualTo(KemAlgorithm.MCELIECE_6688128.privateKeySize());
    }

    @Test
    void configurationFieldIsTheTextPaddedWithNuls() {
        for (ParameterSet set : ParameterSet.values()) {
            byte[] field = set.config().field();
            int len = set.config().text().length();
            assertThat(field).hasSize(48);
            assertThat(new String(field, 0, len, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo(set.config().text());
            assertThat(Arrays.copyOfRange(field, len, 48)).containsOnly(0);
            assertThat(ParameterSet.byConfigField(field)).contains(set);
            assertThat(ParameterSet.byText(set.config().text())).contains(set);
        }
        assertThat(ParameterSet.DEFAULT.config().text()).isEqualTo("dilithium-s5_kyber-s5_sha3_rcs");
    }

    @Test
    void selectAcceptsTheDilithiumKyberSets() {
        assertThat(ParameterSet.select("dilithium-s1_kyber-s1_sha3_rcs", false)).isEqualTo(ParameterSet.DILITHIUM_S1_KYBER_S1);
        assertThat(ParameterSet.select("dilithium-s3_kyber-s3_sha3_rcs", false)).isEqualTo(ParameterSet.DILITHIUM_S3_KYBER_S3);
        assertThat(ParameterSet.select("dilithium-s5_kyber-s5_sha3_rcs", false)).isEqualTo(ParameterSet.DILITHIUM_S5_KYBER_S5);
    }

    @Test
    void selectRefusesKyberS6() {
        assertThatThrownBy(() -> ParameterSet.select("dilithium-s5_kyber-s6_sha3_rcs", true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'dilithium-s5_kyber-s6_sha3_rcs' is refused: Kyber k=5 is non-standard");
    }

    @Test
    void selectRefusesTheMcEliece348864Sets() {
        for (String s : new String[] {"dilithium-s1_mceliece-s1_sha3_rcs", "sphincs-s1f_mceliece-s1_sha3_rcs",
                "sphincs-s1s_mceliece-s1_sha3_rcs"}) {
            assertThatThrownBy(() -> ParameterSet.select(s, true)).as(s)
                    .hasMessageContaining("'" + s + "' is refused")
                    .hasMessageContaining("348864 is not provided by Bouncy Castle 1.87");
            assertThat(ParameterSet.byText(s)).isEmpty();
        }
    }

    @Test
    void selectRefusesUnknownStrings() {
        assertThatThrownBy(() -> ParameterSet.select("dilithium-s5_kyber-s5_sha3_aes", true))
                .hasMessage("unknown QSMP configuration 'dilithium-s5_kyber-s5_sha3_aes'");
        assertThatThrownBy(() -> ParameterSet.select("", true)).hasMessageContaining("unknown QSMP configuration");
        // the reference spells level-3 SPHINCS+ without "s"; the regular spelling is not a QSMP string
        assertThatThrownBy(() -> ParameterSet.select("sphincs-s3f_mceliece-s3_sha3_rcs", true))
                .hasMessageContaining("unknown QSMP configuration");
    }

    @Test
    void selectRefusesFlaggedSetsUnlessAllowed() {
        for (ParameterSet set : ParameterSet.values()) {
            boolean flagged = set.config().text().contains("mceliece") || set.config().text().startsWith("sphincs");
            assertThat(set.flagged()).as(set.name()).isEqualTo(flagged);
            assertThat(ParameterSet.select(set.config().text(), true)).isEqualTo(set);
            if (flagged) {
                assertThatThrownBy(() -> ParameterSet.select(set.config().text(), false)).as(set.name())
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("is flagged");
            } else {
                assertThat(ParameterSet.select(set.config().text(), false)).isEqualTo(set);
            }
        }
    }
}
