package io.pqagent.agent.cli;

import io.pqagent.agent.config.AgentConfig;
import io.pqagent.agent.config.ConfigException;
import io.pqagent.agent.config.ConfigLoader;
import io.pqagent.agent.runtime.AgentUnlock;
import io.pqagent.keystore.Identity;
import io.pqagent.keystore.IdentityPolicy;
import io.pqagent.keystore.IdentityStore;
import io.pqagent.keystore.KeystoreException;
import io.pqagent.keystore.Unlock;
import io.pqagent.qsmp.crypto.EntropySource;
import io.pqagent.qsmp.wire.Clock;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Creates the agent's identity as its configuration describes it (sealed with the configured
 * passphrase or key file), and writes its public key for the operator to register in the directory.
 */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Create this agent's identity (sealed at rest) and write NAME_public_key.qpkey to register "
                + "with the directory (qsmp-directory register).")
final class InitCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "Configuration file (default ${DEFAULT-VALUE}).")
    Path config = AgentMain.DEFAULT_CONFIG;

    @Option(names = "--days", defaultValue = "365", description = "Validity of the identity (default ${DEFAULT-VALUE}).")
    long days;

    @Option(names = "--out", paramLabel = "DIR", description = "Where the .qpkey goes (default: the config's directory).")
    Path out;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        AgentConfig cfg;
        try {
            cfg = ConfigLoader.loadForInit(config);
        } catch (ConfigException e) {
            err.println("qsmp-agent: " + e.getMessage().lines().findFirst().orElse(e.getMessage()));
            return 2;
        }
        Path qpkey = (out != null ? out : config.toAbsolutePath().getParent()).resolve(cfg.name() + "_public_key.qpkey");
        try (Unlock unlock = AgentUnlock.open(cfg.identity().unlock());
                IdentityStore store = new IdentityStore(cfg.identity().dir(), IdentityPolicy.of(cfg.parameterSet()),
                        Clock.system(cfg.clockOffsetSeconds()), EntropySource.system())) {
            Files.createDirectories(cfg.identity().dir());
            Identity id = store.create(unlock, days);
            store.exportQpkey(qpkey);
            PrintWriter o = spec.commandLine().getOut();
            o.println("identity " + id.keyId() + " (" + cfg.parameterSet().config().text() + ") created in "
                    + cfg.identity().dir());
            o.println("public key written to " + qpkey + "; register it with:");
            o.println("  qsmp-directory register --qpkey " + qpkey + " --owner " + cfg.name() + " --authority ... --replica ...");
            return 0;
        } catch (KeystoreException | IOException e) {
            err.println("qsmp-agent init: " + e.getMessage());
            return 1;
        }
    }
}
