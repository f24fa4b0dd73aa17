package io.pqagent.agent.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pqagent.agent.config.AgentConfig;
import io.pqagent.agent.config.ConfigException;
import io.pqagent.agent.config.ConfigLoader;
import io.pqagent.agent.observe.ControlSocket;
import io.pqagent.agent.runtime.Agent;
import io.pqagent.qsmp.transport.LeakDetection;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code qsmp-agent}: run the agent, and talk to a running one through its control socket. Exit codes:
 * 0 success, 1 the agent or a command failed, 2 invalid usage or configuration.
 */
@Command(name = "qsmp-agent", mixinStandardHelpOptions = true, version = "qsmp-agent 0.1.0",
        description = "The QSMP peer agent: mutually authenticated post-quantum tunnels between sites.",
        subcommands = {InitCommand.class, AgentMain.Run.class, AgentMain.Status.class, AgentMain.Peers.class, AgentMain.Reload.class,
            AgentMain.Ratchet.class, KeysCommand.class, PqsCommand.class, BenchCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:failed", "2:invalid usage or configuration"})
public final class AgentMain implements Runnable {
    static final Path DEFAULT_CONFIG = Path.of("/etc/qsmp-agent/agent.yaml");
    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) {
        LeakDetection.offUnlessAsked();
        System.exit(execute(args, System.out, System.err));
    }

    public static int execute(String[] args, PrintStream out, PrintStream err) {
        CommandLine cli = new CommandLine(new AgentMain());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setParameterExceptionHandler((e, ignored) -> {
            e.getCommandLine().getErr().println("qsmp-agent: " + e.getMessage());
            return 2;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "choose a command (run, status, ...)");
    }

    /** Loads the configuration or prints its first problem as one line and gives exit code 2. */
    static AgentConfig load(Path file, PrintWriter err) {
        try {
            return ConfigLoader.load(file);
        } catch (ConfigException e) {
            err.println("qsmp-agent: " + e.getMessage().lines().findFirst().orElse(e.getMessage()));
            return null;
        }
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Run the agent in the foreground until stopped (SIGTERM); SIGHUP reloads the configuration.")
    static final class Run implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--config", paramLabel = "FILE", description = "Configuration file (default ${DEFAULT-VALUE}).")
        Path config = DEFAULT_CONFIG;

        @Option(names = "--check-config", description = "Validate the configuration and exit.")
        boolean checkOnly;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            AgentConfig cfg = load(config, err);
            if (cfg == null) {
                return 2;
            }
            if (checkOnly) {
                try {
                    Agent.checkFilters(cfg);
                } catch (IllegalArgumentException e) {
                    err.println("qsmp-agent: " + config + ": " + e.getMessage());
                    return 2;
                }
                out.println("configuration " + config + " is valid: " + cfg.peers().size() + " peers, "
                        + cfg.services().size() + " services, " + cfg.expose().size() + " exposed targets");
                return 0;
            }
            Agent agent;
            try {
                agent = Agent.start(cfg);
            } catch (Exception e) {
                err.println("qsmp-agent: cannot start: " + e.getMessage());
                return 1;
            }
            out.println("agent " + cfg.name() + " running, listening on " + agent.listening());
            out.flush();
            CountDownLatch stop = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                agent.close();
                stop.countDown();
            }, "agent-shutdown"));
            sun.misc.Signal.handle(new sun.misc.Signal("HUP"), sig -> {
                AgentConfig next = load(config, err);
                if (next != null) {
                    agent.reload(next);
                }
            });
            stop.await();
            return 0;
        }
    }

    /** The options every control-socket command shares. */
    abstract static class ControlCommand implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--config", paramLabel = "FILE",
                description = "The agent's configuration, to find its control socket (default ${DEFAULT-VALUE}).")
        Path config = DEFAULT_CONFIG;

        @Option(names = "--socket", paramLabel = "PATH", description = "The control socket, instead of --config.")
        Path socket;

        abstract ObjectNode request();

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            Path path = socket;
            if (path == null) {
                AgentConfig cfg = load(config, err);
                if (cfg == null) {
                    return 2;
                }
                path = cfg.controlSocket();
            }
            JsonNode answer;
            try {
                answer = ControlSocket.call(path, request());
            } catch (IOException e) {
                err.println("qsmp-agent: cannot reach the agent at " + path + ": " + e.getMessage());
                return 1;
            }
            if (!answer.path("ok").asBoolean()) {
                err.println("qsmp-agent: " + answer.path("error").asText());
                return 1;
            }
            print(answer.get("result"), spec.commandLine().getOut());
            return 0;
        }

        void print(JsonNode result, PrintWriter out) {
            try {
                out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result));
            } catch (IOException e) {
                out.println(result);
            }
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "The running agent: identity, peers, tunnels, counters.")
    static final class Status extends ControlCommand {
        @Override
        ObjectNode request() {
            return ControlSocket.request("status");
        }
    }

    @Command(name = "peers", mixinStandardHelpOptions = true, description = "One line per peer: state, tunnel, last ratchet.")
    static final class Peers extends ControlCommand {
        @Override
        ObjectNode request() {
            return ControlSocket.request("peers");
        }

        @Override
        void print(JsonNode result, PrintWriter out) {
            for (JsonNode p : result.path("peers")) {
                out.printf("%-24s %-10s %-8s %-24s ratchets=%d failures=%d %s%n", p.path("peer").asText(),
                        p.path("state").asText(), p.path("dials").asBoolean() ? "dials" : "listens",
                        p.path("remote").asText(), p.path("ratchets").asLong(), p.path("handshake_failures").asLong(),
                        p.path("last_failure").asText());
            }
        }
    }

    @Command(name = "reload", mixinStandardHelpOptions = true,
            description = "Re-read the configuration: add and remove peers and services; unchanged tunnels stay up.")
    static final class Reload extends ControlCommand {
        @Override
        ObjectNode request() {
            return ControlSocket.request("reload");
        }
    }

    @Command(name = "ratchet", mixinStandardHelpOptions = true,
            description = "Ratchet the tunnel to PEER now (from the listening side, the peer is asked to).")
    static final class Ratchet extends ControlCommand {
        @Parameters(paramLabel = "PEER")
        String peer;

        @Option(names = "--asymmetric", description = "A fresh key exchange instead of a symmetric ratchet.")
        boolean asymmetric;

        @Override
        ObjectNode request() {
            return ControlSocket.request("ratchet").put("peer", peer).put("kind", asymmetric ? "asymmetric" : "symmetric");
        }
    }
}
