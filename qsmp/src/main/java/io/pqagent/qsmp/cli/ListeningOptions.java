package io.pqagent.qsmp.cli;

import io.pqagent.qsmp.transport.TransportSettings;
import java.time.Duration;
import picocli.CommandLine.Option;

/** Flags of the listening side only: it is the side that sends keep-alive requests (profile rule 5). */
final class ListeningOptions {
    @Option(names = "--keepalive-interval", paramLabel = "SECONDS",
            description = "Seconds between keep-alive requests to each peer; 0 turns them off (default: 60).")
    Long keepAliveSeconds;

    Duration keepAliveInterval() throws CliFailure {
        if (keepAliveSeconds == null) {
            return TransportSettings.DEFAULTS.keepAliveInterval();
        }
        if (keepAliveSeconds < 0) {
            throw CliFailure.usage("--keepalive-interval cannot be negative, got " + keepAliveSeconds);
        }
        return Duration.ofSeconds(keepAliveSeconds);
    }
}
