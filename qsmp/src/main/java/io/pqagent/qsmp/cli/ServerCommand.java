package io.pqagent.qsmp.cli;

import io.pqagent.qsmp.crypto.ParameterSet;
import io.pqagent.qsmp.keys.SigningKeyRecord;
import io.pqagent.qsmp.transport.QsmpNetwork;
import io.pqagent.qsmp.transport.QsmpServer;
import io.pqagent.qsmp.transport.TransportSettings;
import io.pqagent.qsmp.wire.QsmpConstants;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code qsmp server}: the Simplex multi-client echo server (the reference's Server app). */
@Command(name = "server",
        mixinStandardHelpOptions = true,
        versionProvider = QsmpVersion.class,
        description = {
            "Simplex multi-client echo server (the reference's Server app).",
            "%nAnswers each client message with 'ECHO: <message>' and prints it as 'RECD: <message>'; each"
                + " stdin line is sent to every client. 'qsmp quit' or the end of stdin closes every session and"
                + " exits. Prints 'listening on ADDRESS:PORT' on stderr, and per client 'connected: ADDRESS:PORT'"
                + " (at its first message) and 'disconnected: ADDRESS:PORT'.%n"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:quit or end of stdin", "1:cannot listen (reason on stderr)",
            "2:invalid usage, or the key file cannot be used"})
final class ServerCommand implements Callable<Integer> {
    static final String DEFAULT_KEY = "server_secret_key.qskey";

    @ParentCommand
    private QsmpMain parent;

    @Mixin
    private EndpointOptions endpoint;

    @Mixin
    private ListeningOptions listening;

    @Option(names = "--key", paramLabel = "FILE.qskey", defaultValue = DEFAULT_KEY,
            description = "This server's private key (default: ${DEFAULT-VALUE}).")
    private Path key;

    @Override
    public Integer call() throws CliFailure, InterruptedException {
        InetSocketAddress bind = endpoint.socketAddress("0.0.0.0", QsmpConstants.SERVER_PORT);
        TransportSettings settings = endpoint.settings(listening.keepAliveInterval());
        try (SigningKeyRecord own = SessionKeys.signingKey(key, "--key")) {
            ParameterSet set = SessionKeys.parameterSet(List.of(own.publicRecord()), List.of(key.toString()),
                    endpoint.allowFlagged);
            try (QsmpNetwork network = QsmpNetwork.create()) {
                SessionEvents events = new SessionEvents();
                QsmpServer server;
                try {
                    server = network.startSimplex(endpoint.context(set), own, bind, settings, events.handler(true));
                } catch (UncheckedIOException e) {
                    throw new CliFailure(ExitCode.FAILED, FailureText.of(e.getCause()), e);
                }
                try {
                    parent.err().println("listening on " + Endpoints.show(server.localAddress()));
                    ConsoleInput.start(parent.in(), events.queue());
                    return new ServerConsole(events, server, parent.out(), parent.err()).run();
                } finally {
                    server.quit();
                }
            }
        }
    }
}
