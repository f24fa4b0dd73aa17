package io.pqagent.agent.cli;

import io.pqagent.agent.pqs.KnownHosts;
import io.pqagent.agent.pqs.LoginOutcome;
import io.pqagent.agent.pqs.PqsClient;
import io.pqagent.agent.config.PqsConfig;
import io.pqagent.agent.pqs.PqsMessage;
import io.pqagent.agent.pqs.PqsMessageType;
import io.pqagent.agent.pqs.PqsRemoteException;
import io.pqagent.qsmp.keys.KeyFileException;
import io.pqagent.qsmp.keys.KeyFiles;
import io.pqagent.qsmp.keys.PublicKeyRecord;
import io.pqagent.qsmp.transport.LeakDetection;
import io.pqagent.qsmp.transport.QsmpNetwork;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pqs}: the PQS client (docs/pqs.md §5). Exit codes: with -c, the remote command's exit status;
 * otherwise 0; 1 a failure, 2 invalid usage, 3 login refused, 4 server key refused.
 */
@Command(name = "pqs", mixinStandardHelpOptions = true, version = "pqs 0.1.0",
        description = {"The PQS maintenance shell client: log in to an agent over QSMP Simplex, pinning its key.", "",
            "Session commands (interactive, or one with -c):",
            "  login            happens first, as -u USER (passphrase: --passphrase-env/-file, or asked)",
            "  get REMOTE LOCAL download a file from your transfer root, SHA3-256 checked",
            "  put LOCAL REMOTE upload a file into your transfer root, SHA3-256 checked",
            "  ls [PATH]        list a directory of your transfer root",
            "  mkdir PATH, rm PATH",
            "  help             the server's built-in commands (status, peers, tunnels, ratchet PEER,",
            "                   metrics, audit [N], config-check, key-expiry) and your policy",
            "  exit             end the session",
            "Anything else is a command run on the server under your policy."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success (with -c: the remote exit status)", "1:failed", "2:invalid usage",
            "3:login refused", "4:server key refused"})
public final class PqsMain implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "HOST[:PORT]", description = "The agent (port 3119 unless given).",
            defaultValue = "")
    String target;

    @Option(names = "--key", paramLabel = "FILE", description = "The server's pqs-server.qpkey.")
    Path keyFile;

    @Option(names = "--known-hosts", paramLabel = "FILE", description = "Pinned server keys (HOST:PORT FINGERPRINT KEY).")
    Path knownHosts;

    @Option(names = "--accept-new", description = "Record a new or changed server key in --known-hosts.")
    boolean acceptNew;

    @Option(names = "-u", paramLabel = "USER", description = "PQS user (default: $USER).")
    String user = System.getenv().getOrDefault("USER", "");

    @Option(names = "-c", paramLabel = "COMMAND", description = "Run one command and exit with its status.")
    String command;

    @Option(names = "--passphrase-env", paramLabel = "VAR", description = "Take the passphrase from this environment variable.")
    String passphraseEnv;

    @Option(names = "--passphrase-file", paramLabel = "FILE", description = "Take the passphrase from this file's first line.")
    Path passphraseFile;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "20", description = "Connect timeout (default ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    public static void main(String[] args) {
        LeakDetection.offUnlessAsked();
        System.exit(execute(args, System.out, System.err));
    }

    public static int execute(String[] args, PrintStream out, PrintStream err) {
        CommandLine cli = new CommandLine(new PqsMain());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setParameterExceptionHandler((e, ignored) -> {
            e.getCommandLine().getErr().println("pqs: " + e.getMessage());
            return 2;
        });
        return cli.execute(args);
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (target.isEmpty()) {
            err.println("pqs: give HOST[:PORT] (see --help)");
            return 2;
        }
        if (keyFile == null && knownHosts == null) {
            err.println("pqs: give the server's key with --key FILE or --known-hosts FILE: PQS never trusts an unpinned server");
            return 2;
        }
        InetSocketAddress address;
        try {
            address = address(target);
        } catch (IllegalArgumentException e) {
            err.println("pqs: " + e.getMessage());
            return 2;
        }
        String host = address.getHostString() + ":" + address.getPort();
        PublicKeyRecord pinned;
        try {
            PublicKeyRecord offered = keyFile == null ? null : KeyFiles.readQpkey(keyFile);
            pinned = knownHosts == null ? offered : KnownHosts.resolve(knownHosts, host, offered, acceptNew);
        } catch (KnownHosts.HostKeyException e) {
            err.println("pqs: " + e.getMessage());
            return 4;
        } catch (IOException | KeyFileException e) {
            err.println("pqs: cannot read the server key: " + e.getMessage());
            return 1;
        }
        if (user.isEmpty()) {
            err.println("pqs: give the user with -u");
            return 2;
        }
        byte[] passphrase;
        try {
            passphrase = PassphraseInput.read(passphraseFile, passphraseEnv, false);
        } catch (IOException | IllegalArgumentException e) {
            err.println("pqs: " + e.getMessage());
            return 2;
        }
        try (QsmpNetwork network = QsmpNetwork.create(1, 1);
                PqsClient client = PqsClient.connect(network, pinned, address, Duration.ofSeconds(timeoutSeconds))) {
            PqsMessage.LoginResult login = client.login(user, passphrase);
            if (login.outcome() != LoginOutcome.ACCEPTED) {
                err.println("pqs: " + login.text());
                return 3;
            }
            if (command != null) {
                return new PqsShell(client, out, err).one(command);
            }
            err.println("pqs: " + login.text() + " on " + host + " (key " + KnownHosts.fingerprint(pinned) + ")");
            try (PqsTerminal terminal = PqsTerminal.open()) {
                return new PqsShell(client, out, err).interactive(terminal);
            }
        } catch (IOException e) {
            err.println("pqs: " + e.getMessage());
            return 4;
        } catch (PqsRemoteException e) {
            err.println("pqs: " + e.getMessage());
            return 1;
        } finally {
            java.util.Arrays.fill(passphrase, (byte) 0);
        }
    }

    static InetSocketAddress address(String target) {
        int colon = target.lastIndexOf(':');
        if (colon < 0 || target.endsWith("]")) {
            return InetSocketAddress.createUnresolved(target, PqsConfig.DEFAULT_PORT);
        }
        String host = target.substring(0, colon).replace("[", "").replace("]", "");
        try {
            int port = Integer.parseInt(target.substring(colon + 1));
            if (port < 1 || port > 65_535) {
                throw new NumberFormatException();
            }
            return new InetSocketAddress(host, port);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad port in '" + target + "'");
        }
    }

    /** Turns operator lines into client calls: file commands locally, everything else on the server. */
    static final class PqsShell {
        private final PqsClient client;
        private final PrintWriter out;
        private final PrintWriter err;

        PqsShell(PqsClient client, PrintWriter out, PrintWriter err) {
            this.client = client;
            this.out = out;
            this.err = err;
        }

        /** Runs one line; returns its exit status (1 for a refused request). */
        int one(String line) throws PqsRemoteException {
            List<String> w = List.of(line.strip().split(" +"));
            try {
                switch (w.get(0)) {
                    case "get":
                        if (w.size() != 3) {
                            return usage("get REMOTE LOCAL");
                        }
                        out.println(client.get(w.get(1), Path.of(w.get(2))) + " bytes, SHA3-256 verified");
                        return 0;
                    case "put":
                        if (w.size() != 3) {
                            return usage("put LOCAL REMOTE");
                        }
                        out.println(client.put(Path.of(w.get(1)), w.get(2)) + " bytes, SHA3-256 verified");
                        return 0;
                    case "ls":
                        if (w.size() > 2) {
                            return usage("ls [PATH]");
                        }
                        String listing = client.file(PqsMessageType.FILE_LS, w.size() == 2 ? w.get(1) : ".");
                        if (!listing.isEmpty()) {
                            out.println(listing);
                        }
                        return 0;
                    case "mkdir":
                    case "rm":
                        if (w.size() != 2) {
                            return usage(w.get(0) + " PATH");
                        }
                        client.file(w.get(0).equals("rm") ? PqsMessageType.FILE_RM : PqsMessageType.FILE_MKDIR, w.get(1));
                        return 0;
                    default:
                        int status = client.run(line, (stream, data) -> {
                            PrintWriter to = stream == 1 ? out : err;
                            to.print(new String(data, StandardCharsets.UTF_8));
                            to.flush();
                        });
                        return status;
                }
            } catch (PqsRemoteException e) {
                if (e.code() == null) {
                    throw e; // the session ended
                }
                err.println("pqs: " + e.getMessage());
                return 1;
            } catch (IOException e) {
                err.println("pqs: " + e.getMessage());
                return 1;
            }
        }

        int interactive(PqsTerminal in) throws IOException, PqsRemoteException {
            while (true) {
                String line = in.readLine("pqs> ");
                if (line == null || line.strip().equals("exit") || line.strip().equals("quit")) {
                    return 0;
                }
                if (!line.isBlank()) {
                    one(line);
                }
            }
        }

        private int usage(String text) {
            err.println("pqs: usage: " + text);
            return 2;
        }
    }
}
