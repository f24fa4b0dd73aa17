package io.pqagent.agent.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.pqagent.agent.config.AgentConfig;
import io.pqagent.agent.observe.ControlSocket;
import io.pqagent.agent.runtime.KeysReport;
import io.pqagent.keystore.KeystoreException;
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
 * The identity and its rotation phase: from the running agent if one answers (what it uses), else from the
 * identity files (unlocked with the configured passphrase or key file).
 */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Key id, expiry and rotation phase; each identity with its expiry and publication.")
final class KeysShowCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "The agent's configuration (default ${DEFAULT-VALUE}).")
    Path config = AgentMain.DEFAULT_CONFIG;

    @Option(names = "--socket", paramLabel = "PATH",
            description = "Ask the running agent at this control socket only, instead of --config.")
    Path socket;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (socket != null) {
            return fromAgent(socket, out, err);
        }
        AgentConfig cfg = AgentMain.load(config, err);
        if (cfg == null) {
            return 2;
        }
        if (Files.exists(cfg.controlSocket())) {
            try {
                JsonNode answer = ControlSocket.call(cfg.controlSocket(), ControlSocket.request("status"));
                if (answer.path("ok").asBoolean()) {
                    KeysText.print(answer.path("result"), out);
                    out.println("(from the running agent)");
                    return 0;
                }
            } catch (IOException notRunning) {
                // a stale socket: read the files below
            }
        }
        try (LocalIdentity local = LocalIdentity.open(cfg)) {
            KeysText.print(KeysReport.of(local.store), out);
            out.println("(from " + cfg.identity().dir() + "; no agent is running)");
            return 0;
        } catch (KeystoreException e) {
            err.println("qsmp-agent: " + LocalIdentity.describe(e, cfg));
            return 1;
        } catch (IOException e) {
            err.println("qsmp-agent: cannot unlock the identity: " + e.getMessage());
            return 1;
        }
    }

    private static int fromAgent(Path socket, PrintWriter out, PrintWriter err) {
        JsonNode answer;
        try {
            answer = ControlSocket.call(socket, ControlSocket.request("status"));
        } catch (IOException e) {
            err.println("qsmp-agent: cannot reach the agent at " + socket + ": " + e.getMessage());
            return 1;
        }
        if (!answer.path("ok").asBoolean()) {
            err.println("qsmp-agent: " + answer.path("error").asText());
            return 1;
        }
        KeysText.print(answer.path("result"), out);
        return 0;
    }
}
