package io.pqagent.qsmp;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The layer direction of the library: crypto ← wire ← keys ← handshake ← session ← transport, each
 * layer using only those to its left; conformance and cli may use them all. Bouncy Castle stays inside
 * crypto (tests may use it). Every package must belong to a layer, so a new package has to choose one
 * here. Layers with no classes yet are allowed.
 */
class LayerDirectionTest {
    private static final String ROOT = "io.pqagent.qsmp";
    private static final String FIXTURE = "io.pqagent.qsmp.conformance.layerfixture";
    /** Package documentation is not code and belongs to no layer. */
    private static final DescribedPredicate<JavaClass> PACKAGE_INFO =
            DescribedPredicate.describe("package-info", c -> c.getSimpleName().equals("package-info"));

    @Test
    void mainCodeKeepsTheLayerDirection() {
        JavaClasses classes = mainClasses();
        // a rule over an import that found nothing would pass for the wrong reason
        assertThat(classes.containPackage(ROOT + ".crypto")).isTrue();
        assertThat(classes.containPackage(ROOT + ".cli")).isTrue();
        assertThat(classes.containPackage(FIXTURE)).isFalse();
        layers(ROOT).check(classes);
    }

    @Test
    void bouncyCastleIsUsedOnlyInCrypto() {
        bouncyCastleOnlyInCrypto(ROOT).check(mainClasses());
    }

    @Test
    void nettyIsUsedOnlyInTransport() {
        noClasses().that().resideInAPackage(ROOT + "..")
                .and().resideOutsideOfPackage(ROOT + ".transport..")
                .should().dependOnClassesThat().resideInAPackage("io.netty..")
                .because("sockets and event loops live in one layer; everything below it is pure")
                .check(mainClasses());
    }

    /** The rules above can fail: on classes that break them on purpose, each break is reported. */
    @Test
    void rulesReportEachDeliberateBreak() {
        JavaClasses fixture = new ClassFileImporter().importPackages(FIXTURE);

        List<String> layerViolations = violations(layers(FIXTURE).evaluate(fixture));
        assertThat(layerViolations).anyMatch(v -> v.contains("FixtureCipher") && v.contains("FixtureHeader"));
        assertThat(layerViolations).anyMatch(v -> v.contains("FixtureGrabBag"));
        assertThat(layerViolations).noneMatch(v -> v.contains("FixtureHandshake") || v.contains("package-info"));

        List<String> providerViolations = violations(bouncyCastleOnlyInCrypto(FIXTURE).evaluate(fixture));
        assertThat(providerViolations).singleElement()
                .satisfies(v -> assertThat(v).contains("FixtureHeader").contains("org.bouncycastle"));
    }

    static ArchRule layers(String root) {
        return layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .withOptionalLayers(true)
                .layer("crypto").definedBy(root + ".crypto..")
                .layer("wire").definedBy(root + ".wire..")
                .layer("keys").definedBy(root + ".keys..")
                .layer("handshake").definedBy(root + ".handshake..")
                .layer("session").definedBy(root + ".session..")
                .layer("transport").definedBy(root + ".transport..")
                .layer("conformance").definedBy(root + ".conformance..")
                .layer("cli").definedBy(root + ".cli..")
                .whereLayer("crypto").mayNotAccessAnyLayer()
                .whereLayer("wire").mayOnlyAccessLayers("crypto")
                .whereLayer("keys").mayOnlyAccessLayers("crypto", "wire")
                .whereLayer("handshake").mayOnlyAccessLayers("crypto", "wire", "keys")
                .whereLayer("session").mayOnlyAccessLayers("crypto", "wire", "keys", "handshake")
                .whereLayer("transport").mayOnlyAccessLayers("crypto", "wire", "keys", "handshake", "session")
                .whereLayer("conformance").mayOnlyAccessLayers(
                        "crypto", "wire", "keys", "handshake", "session", "transport")
                .whereLayer("cli").mayOnlyAccessLayers(
                        "crypto", "wire", "keys", "handshake", "session", "transport", "conformance")
                .ensureAllClassesAreContainedInArchitectureIgnoring(PACKAGE_INFO);
    }

    static ArchRule bouncyCastleOnlyInCrypto(String root) {
        return noClasses().that().resideInAPackage(root + "..")
                .and().resideOutsideOfPackage(root + ".crypto..")
                .should().dependOnClassesThat().resideInAPackage("org.bouncycastle..")
                .because("the provider is chosen in one place, crypto, and nothing else sees it");
    }

    private static JavaClasses mainClasses() {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    private static List<String> violations(EvaluationResult result) {
        return result.getFailureReport().getDetails();
    }
}
