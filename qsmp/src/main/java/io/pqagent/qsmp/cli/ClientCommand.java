package io.pqagent.qsmp.cli;

import io.pqagent.qsmp.crypto.ParameterSet;
import io.pqagent.qsmp.keys.PublicKeyRecord;
import io.pqagent.qsmp.transport.QsmpNetwork;
import io.pqagent.qsmp.transport.Tunnel;
import io.pqagent.qsmp.transport.TransportSettings;
import io.pqagent.qsmp.wire.QsmpConstants;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code qsmp client}: the Simplex client (the reference's Client app). */
@Command(name = "client",
        mixinStandardHelpOptions = true,
        versionProvider = QsmpVersion.class,
        description = {
            "Simplex client (the reference's Client app): connects to a server.",
            "%nEach stdin line is sent as a message; each message received is printed as 'RECD: <message>'."
                + " 'qsmp quit' or the end of stdin quits (ratchets are Duplex only). With --count, a scripted"
                + " run against 'qsmp server' instead.%n"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:quit, end of stdin, or the scripted run completed",
            "1:the session failed (reason on stderr)", "2:invalid usage, or the key file cannot be used",
            "3:the server closed the session"})
final class ClientCommand implements Callable<Integer> {
    static final String DEFAULT_PEER = "server_public_key.qpkey";

    @ParentCommand
    private QsmpMain parent;

    @Mixin
    private EndpointOptions endpoint;

    @Mixin
    private ScriptOptions script;

    @Option(names = "--peer", paramLabel = "FILE.qpkey", defaultValue = DEFAULT_PEER,
            description = "The server's public key (default: ${DEFAULT-VALUE}).")
    private Path peer;

    @Override
    public Integer call() throws CliFailure, InterruptedException {
        script.validate();
        InetSocketAddress address = endpoint.socketAddress("127.0.0.1", QsmpConstants.SERVER_PORT);
        TransportSettings settings = endpoint.settings(Duration.ZERO); // keep-alives are the server's to send
        PublicKeyRecord server = SessionKeys.publicKey(peer, "--peer");
        ParameterSet set = SessionKeys.parameterSet(List.of(server), List.of(peer.toString()), endpoint.allowFlagged);
        try (QsmpNetwork network = QsmpNetwork.create()) {
            SessionEvents events = new SessionEvents();
            CompletableFuture<Tunnel> connecting = network.connectSimplex(endpoint.context(set), server, address,
                    settings, events.handler(false));
            return SingleSession.run(parent, events, connecting, false, script, endpoint.timeout());
        }
    }
}
