package io.pqagent.agent;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The agent's packages in layers (docs/agent.md): values and codecs at the bottom, the runtime and the
 * command line on top. Netty stays out of the stream framing, which is tested without sockets.
 */
class AgentLayersTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.pqagent.agent");

    @Test
    void layersPointOneWay() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("config").definedBy("io.pqagent.agent.config..")
                .layer("mux").definedBy("io.pqagent.agent.mux..")
                .layer("filter").definedBy("io.pqagent.agent.filter..")
                .layer("link").definedBy("io.pqagent.agent.link..")
                .layer("observe").definedBy("io.pqagent.agent.observe..")
                .layer("service").definedBy("io.pqagent.agent.service..")
                .layer("pqs").definedBy("io.pqagent.agent.pqs..")
                .layer("runtime").definedBy("io.pqagent.agent.runtime..")
                .layer("plant").definedBy("io.pqagent.agent.plant..")
                .layer("bench").definedBy("io.pqagent.agent.bench..")
                .layer("cli").definedBy("io.pqagent.agent.cli..")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("bench").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("plant").mayOnlyBeAccessedByLayers("bench", "cli")
                .whereLayer("runtime").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("pqs").mayOnlyBeAccessedByLayers("runtime", "cli")
                .whereLayer("service").mayOnlyBeAccessedByLayers("runtime")
                .whereLayer("observe").mayOnlyBeAccessedByLayers("service", "runtime", "plant", "bench", "cli")
                .whereLayer("link").mayOnlyBeAccessedByLayers("observe", "service", "runtime")
                .whereLayer("filter").mayOnlyBeAccessedByLayers("service", "runtime")
                .whereLayer("mux").mayOnlyBeAccessedByLayers("service")
                .check(CLASSES);
    }

    @Test
    void theStreamFramingNeedsNoSockets() {
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses().that()
                .resideInAPackage("io.pqagent.agent.mux..").should().dependOnClassesThat()
                .resideInAnyPackage("io.netty..", "java.net..", "java.nio.channels..").check(CLASSES);
    }
}
