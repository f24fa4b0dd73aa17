package io.pqagent.qsmp.cli;

import io.pqagent.qsmp.crypto.EntropySource;
import io.pqagent.qsmp.crypto.MacMode;
import io.pqagent.qsmp.crypto.ParameterSet;
import io.pqagent.qsmp.handshake.HandshakeContext;
import io.pqagent.qsmp.transport.TransportSettings;
import io.pqagent.qsmp.wire.Clock;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import picocli.CommandLine.Option;

/** The flags every session command shares: where, which MAC, which clock, how long to wait. */
final class EndpointOptions {
    @Option(names = "--address", paramLabel = "ADDRESS",
            description = "IPv4 or IPv6 address or host name to connect to (default: 127.0.0.1) or to listen on"
                    + " (default: 0.0.0.0).")
    String address;

    @Option(names = "--port", paramLabel = "PORT", description = "TCP port (default: the reference's, 31118 for listen and send, 31119 for server and"
                    + " client).")
    Integer port;

    @Option(names = "--mac", paramLabel = "kmac|qmac", defaultValue = "kmac", converter = MacModeConverter.class,
            completionCandidates = MacModeConverter.class,
            description = "RCS MAC mode agreed with the peer (default: ${DEFAULT-VALUE}).")
    MacMode mac;

    @Option(names = "--clock-offset", paramLabel = "SECONDS", defaultValue = "0",
            description = "Protocol clock offset from UTC, e.g. 18000 for a C peer on America/New_York.")
    long clockOffset;

    @Option(names = "--allow-flagged", description = "Allow a flagged configuration (Classic McEliece, SPHINCS+).")
    boolean allowFlagged;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "Deadline for the handshake, each reply of a scripted run, a ratchet and the close"
                    + " (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    /** The socket address from {@code --address} and {@code --port}, or the command's defaults. */
    InetSocketAddress socketAddress(String defaultAddress, int defaultPort) throws CliFailure {
        int p = port == null ? defaultPort : port;
        if (p < 0 || p > 65_535) {
            throw CliFailure.usage("--port must be 0..65535, got " + p);
        }
        String host = address == null ? defaultAddress : address;
        try {
            return new InetSocketAddress(InetAddress.getByName(host), p);
        } catch (UnknownHostException e) {
            throw CliFailure.usage("--address: cannot resolve '" + host + "'");
        }
    }

    HandshakeContext context(ParameterSet set) {
        return new HandshakeContext(set, mac, Clock.system(clockOffset), EntropySource.system());
    }

    Duration timeout() throws CliFailure {
        if (timeoutSeconds < 1) {
            throw CliFailure.usage("--timeout must be at least 1 second, got " + timeoutSeconds);
        }
        return Duration.ofSeconds(timeoutSeconds);
    }

    /** The transport's defaults with our handshake deadline; keep-alives as the listening side asks. */
    TransportSettings settings(Duration keepAliveInterval) throws CliFailure {
        return TransportSettings.DEFAULTS.withHandshakeTimeout(timeout())
                .withKeepAlive(keepAliveInterval, TransportSettings.DEFAULTS.keepAliveTimeout());
    }
}
