package io.pqagent.qsmp.cli;

import io.pqagent.qsmp.crypto.ParameterSet;
import io.pqagent.qsmp.keys.PublicKeyRecord;
import io.pqagent.qsmp.keys.SigningKeyRecord;
import io.pqagent.qsmp.transport.QsmpNetwork;
import io.pqagent.qsmp.transport.Tunnel;
import io.pqagent.qsmp.transport.TransportSettings;
import io.pqagent.qsmp.wire.QsmpConstants;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code qsmp listen}: the Duplex listener (the reference's Listener app), one session with one sender. */
@Command(name = "listen",
        mixinStandardHelpOptions = true,
        versionProvider = QsmpVersion.class,
        description = {
            "Duplex listener (the reference's Listener app): one session with one sender.",
            "%nEach stdin line is sent as a message; each message received is printed as 'RECD: <message>'."
                + " Console commands: 'qsmp symmetric ratchet', 'qsmp asymmetric ratchet', 'qsmp quit'; the end"
                + " of stdin quits too. Prints 'listening on ADDRESS:PORT', then 'connected: ADDRESS:PORT' and any"
                + " refused caller on stderr.%n"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:quit or end of stdin", "1:the session failed (reason on stderr)",
            "2:invalid usage, or a key file cannot be used", "3:the sender closed the session"})
final class ListenCommand implements Callable<Integer> {
    static final String DEFAULT_KEY = "listener_secret_key.qskey";
    static final String DEFAULT_PEER = "sender_public_key.qpkey";

    @ParentCommand
    private QsmpMain parent;

    @Mixin
    private EndpointOptions endpoint;

    @Mixin
    private ListeningOptions listening;

    @Option(names = "--key", paramLabel = "FILE.qskey", defaultValue = DEFAULT_KEY,
            description = "This listener's private key (default: ${DEFAULT-VALUE}).")
    private Path key;

    @Option(names = "--peer", paramLabel = "FILE.qpkey",
            description = "A sender's public key; repeat for several senders (default: " + DEFAULT_PEER + ").")
    private List<Path> peers;

    @Option(names = "--echo", description = "Also answer each message with 'ECHO: <message>' (for a scripted"
            + " run of 'qsmp send --count').")
    private boolean echo;

    @Override
    public Integer call() throws CliFailure, InterruptedException {
        InetSocketAddress bind = endpoint.socketAddress("0.0.0.0", QsmpConstants.CLIENT_PORT);
        TransportSettings settings = endpoint.settings(listening.keepAliveInterval());
        List<Path> peerFiles = peers == null || peers.isEmpty() ? List.of(Path.of(DEFAULT_PEER)) : peers;
        try (SigningKeyRecord own = SessionKeys.signingKey(key, "--key")) {
            List<PublicKeyRecord> keys = new ArrayList<>(List.of(own.publicRecord()));
            List<String> files = new ArrayList<>(List.of(key.toString()));
            for (Path peer : peerFiles) {
                keys.add(SessionKeys.publicKey(peer, "--peer"));
                files.add(peer.toString());
            }
            ParameterSet set = SessionKeys.parameterSet(keys, files, endpoint.allowFlagged);
            PeerKeyQuery query = new PeerKeyQuery(own.keyId(), keys.subList(1, keys.size()));
            try (QsmpNetwork network = QsmpNetwork.create()) {
                SessionEvents events = new SessionEvents();
                CompletableFuture<Tunnel> accepting;
                try {
                    accepting = network.acceptDuplexOnce(endpoint.context(set), own, query, bind, settings,
                            events.handler(echo));
                } catch (UncheckedIOException e) {
                    throw new CliFailure(ExitCode.FAILED, FailureText.of(e.getCause()), e);
                }
                parent.err().println("listening on " + Endpoints.show(bind));
                return SingleSession.run(parent, events, accepting, true, null, endpoint.timeout());
            }
        }
    }
}
