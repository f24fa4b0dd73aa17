package io.pqagent.qsmp.cli;

import io.pqagent.qsmp.crypto.ParameterSet;
import io.pqagent.qsmp.keys.PublicKeyRecord;
import io.pqagent.qsmp.keys.SigningKeyRecord;
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

/** {@code qsmp send}: the Duplex sender (the reference's Sender app). */
@Command(name = "send",
        mixinStandardHelpOptions = true,
        versionProvider = QsmpVersion.class,
        description = {
            "Duplex sender (the reference's Sender app): connects to a listener.",
            "%nEach stdin line is sent as a message; each message received is printed as 'RECD: <message>'."
                + " Console commands: 'qsmp symmetric ratchet', 'qsmp asymmetric ratchet', 'qsmp quit'; the end"
                + " of stdin quits too. With --count, a scripted run against 'qsmp listen --echo' instead.%n"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:quit, end of stdin, or the scripted run completed",
            "1:the session failed (reason on stderr)", "2:invalid usage, or a key file cannot be used",
            "3:the listener closed the session"})
final class SendCommand implements Callable<Integer> {
    static final String DEFAULT_KEY = "sender_secret_key.qskey";
    static final String DEFAULT_PEER = "listener_public_key.qpkey";

    @ParentCommand
    private QsmpMain parent;

    @Mixin
    private EndpointOptions endpoint;

    @Mixin
    private ScriptOptions script;

    @Option(names = "--key", paramLabel = "FILE.qskey", defaultValue = DEFAULT_KEY,
            description = "This sender's private key (default: ${DEFAULT-VALUE}).")
    private Path key;

    @Option(names = "--peer", paramLabel = "FILE.qpkey", defaultValue = DEFAULT_PEER,
            description = "The listener's public key (default: ${DEFAULT-VALUE}).")
    private Path peer;

    @Override
    public Integer call() throws CliFailure, InterruptedException {
        script.validate();
        InetSocketAddress address = endpoint.socketAddress("127.0.0.1", QsmpConstants.CLIENT_PORT);
        TransportSettings settings = endpoint.settings(Duration.ZERO); // keep-alives are the listener's to send
        try (SigningKeyRecord own = SessionKeys.signingKey(key, "--key")) {
            PublicKeyRecord listener = SessionKeys.publicKey(peer, "--peer");
            ParameterSet set = SessionKeys.parameterSet(List.of(own.publicRecord(), listener),
                    List.of(key.toString(), peer.toString()), endpoint.allowFlagged);
            try (QsmpNetwork network = QsmpNetwork.create()) {
                SessionEvents events = new SessionEvents();
                CompletableFuture<Tunnel> connecting = network.connectDuplex(endpoint.context(set), own, listener,
                        address, settings, events.handler(false));
                return SingleSession.run(parent, events, connecting, false, script, endpoint.timeout());
            }
        }
    }
}
