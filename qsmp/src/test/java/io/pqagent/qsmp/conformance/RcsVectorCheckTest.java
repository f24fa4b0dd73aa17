package io.pqagent.qsmp.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.pqagent.qsmp.crypto.BlockPath;
import io.pqagent.qsmp.crypto.RcsTestMaterial;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every block of rcs-kat.txt passes on both block paths; altered blocks fail on the field that was changed. */
class RcsVectorCheckTest {
    private static List<RcsVectorBlock> blocks() {
        return RcsVectorFile.parse(RcsTestMaterial.rcsKatFile());
    }

    static Stream<Arguments> everyBlockOnEveryPath() {
        return blocks().stream().flatMap(b -> Stream.of(BlockPath.values()).map(p -> Arguments.of(b.id(), p, b)));
    }

    @ParameterizedTest(name = "{0} [{1}]")
    @MethodSource("everyBlockOnEveryPath")
    void blockPasses(String id, BlockPath path, RcsVectorBlock block) {
        RcsVectorResult result = RcsVectorCheck.run(block, path);
        assertThat(result.status()).as(result.detail()).isEqualTo(CheckStatus.PASS);
        assertThat(result.id()).isEqualTo(id);
    }

    @Test
    void fileHasAllFiftyThreeBlocksAndTheDefaultRunPassesThem() {
        List<RcsVectorBlock> all = blocks();
        assertThat(all).hasSize(53);
        assertThat(all).allSatisfy(b -> assertThat(RcsVectorCheck.run(b).status()).isEqualTo(CheckStatus.PASS));
    }

    @Test
    void alteredExpectedOutputFailsNamingTheField() {
        RcsVectorBlock block = altered("RCS-512-AD21-KMACEDGE-LEN4", "expected_1", v -> flipLastHexDigit(v));
        RcsVectorResult result = RcsVectorCheck.run(block);
        assertThat(result.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(result.detail()).contains("RCS-512-AD21-KMACEDGE-LEN4").contains("expected_1");
    }

    @Test
    void alteredTagOrNonceOrCounterFailsNamingTheField() {
        assertThat(RcsVectorCheck.run(altered("RCS-256-AD21-LEN33", "tag_1", RcsVectorCheckTest::flipLastHexDigit)).detail())
                .contains("tag_1");
        assertThat(RcsVectorCheck.run(altered("RCS-256-AD21-LEN33", "nonce_after_1", RcsVectorCheckTest::flipLastHexDigit)).detail())
                .contains("nonce_after_1");
        assertThat(RcsVectorCheck.run(altered("RCS-256-AD21-LEN33", "counter_after_1", v -> "35")).detail())
                .contains("counter_after_1");
        assertThat(RcsVectorCheck.run(altered("RCS-256-TWO-PACKETS-AD", "ct_2", RcsVectorCheckTest::flipLastHexDigit)).detail())
                .contains("ct_2");
    }

    @Test
    void malformedFieldFailsWithAClearReason() {
        RcsVectorResult odd = RcsVectorCheck.run(altered("RCS-256-AD21-LEN1", "pt_1", v -> v + "0"));
        assertThat(odd.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(odd.detail()).contains("pt_1").contains("odd number of hex digits");
        RcsVectorResult badCipher = RcsVectorCheck.run(altered("RCS-256-AD21-LEN1", "cipher", v -> "RCS-384"));
        assertThat(badCipher.detail()).contains("cipher");
        RcsVectorResult lenMismatch = RcsVectorCheck.run(altered("RCS-256-AD21-LEN1", "pt_1_len", v -> "2"));
        assertThat(lenMismatch.detail()).contains("pt_1_len");
    }

    @Test
    void unknownInformationalModeIsSkippedButUnknownReferenceModeFails() {
        Map<String, String> fields = new LinkedHashMap<>(find("QSCTest-RCS-256-QMAC").fields());
        fields.put("id", "QSCTest-RCS-256-SOMEFUTUREMAC");
        RcsVectorResult skipped = RcsVectorCheck.run(new RcsVectorBlock("QSCTest-RCS-256-SOMEFUTUREMAC", 1, fields));
        assertThat(skipped.status()).isEqualTo(CheckStatus.SKIP);

        fields.put("applies_to_qsmp_reference_build", "YES");
        RcsVectorResult failed = RcsVectorCheck.run(new RcsVectorBlock("QSCTest-RCS-256-SOMEFUTUREMAC", 1, fields));
        assertThat(failed.status()).isEqualTo(CheckStatus.FAIL);
    }

    private static RcsVectorBlock find(String id) {
        return blocks().stream().filter(b -> b.id().equals(id)).findFirst().orElseThrow();
    }

    private static RcsVectorBlock altered(String id, String field, java.util.function.UnaryOperator<String> change) {
        RcsVectorBlock original = find(id);
        Map<String, String> fields = new LinkedHashMap<>(original.fields());
        assertThat(fields).containsKey(field);
        fields.put(field, change.apply(fields.get(field)));
        return new RcsVectorBlock(id, original.line(), fields);
    }

    private static String flipLastHexDigit(String hex) {
        char last = hex.charAt(hex.length() - 1);
        return hex.substring(0, hex.length() - 1) + (last == '0' ? '1' : '0');
    }
}
