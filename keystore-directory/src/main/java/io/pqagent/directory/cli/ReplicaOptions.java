package io.pqagent.directory.cli;

import io.pqagent.directory.client.DirectoryClient;
import io.pqagent.directory.client.ReplicaEndpoint;
import io.pqagent.directory.record.AuthorityKey;
import io.pqagent.qsmp.crypto.ParameterSet;
import io.pqagent.qsmp.handshake.HandshakeContext;
import io.pqagent.qsmp.keys.KeyFileException;
import io.pqagent.qsmp.keys.KeyFiles;
import io.pqagent.qsmp.keys.PublicKeyRecord;
import io.pqagent.qsmp.transport.QsmpNetwork;
import io.pqagent.qsmp.transport.TransportSettings;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Which replicas to talk to and how to trust them: addresses, their Simplex keys, the authority key. */
final class ReplicaOptions {
    static final int DEFAULT_PORT = 31120;

    @Option(names = "--replica", paramLabel = "HOST[:PORT]", required = true,
            description = "A directory replica (repeatable; tried in order; default port " + DEFAULT_PORT + ").")
    List<String> replicas;

    @Option(names = "--replica-key", paramLabel = "FILE.qpkey", required = true,
            description = "The Simplex public key of each --replica, in the same order (or one for all).")
    List<Path> replicaKeys;

    @Option(names = "--authority-key", paramLabel = "FILE", required = true,
            description = "The directory authority's public key (authority.pub).")
    Path authorityKey;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "Time allowed for each connection and request (default ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    AuthorityKey authority() throws CliFailure {
        return AuthorityFiles.publicKey(authorityKey);
    }

    DirectoryClient connect(QsmpNetwork network) throws CliFailure {
        if (replicaKeys.size() != 1 && replicaKeys.size() != replicas.size()) {
            throw new CliFailure(2, "give one --replica-key for all replicas or one per --replica ("
                    + replicas.size() + "), not " + replicaKeys.size());
        }
        List<ReplicaEndpoint> endpoints = new ArrayList<>();
        for (int i = 0; i < replicas.size(); i++) {
            Path keyFile = replicaKeys.get(replicaKeys.size() == 1 ? 0 : i);
            PublicKeyRecord key;
            try {
                key = KeyFiles.readQpkey(keyFile);
            } catch (IOException | KeyFileException e) {
                throw new CliFailure(2, "cannot read " + keyFile + ": " + e.getMessage());
            }
            endpoints.add(new ReplicaEndpoint(address(replicas.get(i), DEFAULT_PORT), key));
        }
        ParameterSet set = ParameterSet.byText(endpoints.get(0).serverKey().config().text()).orElseThrow();
        return new DirectoryClient(network, HandshakeContext.defaults(set), endpoints, authority(),
                TransportSettings.DEFAULTS, Duration.ofSeconds(timeoutSeconds));
    }

    /** HOST, HOST:PORT, [IPv6] or [IPv6]:PORT. */
    static InetSocketAddress address(String text, int defaultPort) throws CliFailure {
        String host = text;
        int port = defaultPort;
        try {
            if (text.startsWith("[")) {
                int end = text.indexOf(']');
                if (end < 0) {
                    throw new CliFailure(2, "'" + text + "': missing ']'");
                }
                host = text.substring(1, end);
                if (end + 1 < text.length()) {
                    if (text.charAt(end + 1) != ':') {
                        throw new CliFailure(2, "'" + text + "': expected ':' after ']'");
                    }
                    port = Integer.parseInt(text.substring(end + 2));
                }
            } else if (text.indexOf(':') >= 0 && text.indexOf(':') == text.lastIndexOf(':')) {
                host = text.substring(0, text.indexOf(':'));
                port = Integer.parseInt(text.substring(text.indexOf(':') + 1));
            }
        } catch (NumberFormatException e) {
            throw new CliFailure(2, "'" + text + "': the port is not a number");
        }
        if (port < 1 || port > 65535 || host.isEmpty()) {
            throw new CliFailure(2, "'" + text + "' is not HOST[:PORT] with a port 1..65535");
        }
        return new InetSocketAddress(host, port);
    }
}
