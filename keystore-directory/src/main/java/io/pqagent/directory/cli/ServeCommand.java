package io.pqagent.directory.cli;

import io.pqagent.directory.record.DirectoryException;
import io.pqagent.directory.replica.DirectoryReplica;
import io.pqagent.directory.replica.SubmissionCheck;
import io.pqagent.directory.store.RecordStore;
import io.pqagent.directory.store.RecordStores;
import io.pqagent.qsmp.crypto.ConfigString;
import io.pqagent.qsmp.crypto.ParameterSet;
import io.pqagent.qsmp.handshake.HandshakeContext;
import io.pqagent.qsmp.keys.KeyFileException;
import io.pqagent.qsmp.keys.KeyFiles;
import io.pqagent.qsmp.keys.SigningKeyRecord;
import io.pqagent.qsmp.transport.QsmpNetwork;
import io.pqagent.qsmp.transport.TransportSettings;
import io.pqagent.qsmp.wire.Clock;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run a directory replica: a QSMP Simplex server that verifies, stores and serves records "
                + "signed by the authority and pushes changes to subscribed agents. Runs until killed.")
final class ServeCommand extends DirectoryCommand {
    @Option(names = "--store", paramLabel = "URI", defaultValue = "sqlite:directory.db",
            description = "sqlite:PATH (embedded, default ${DEFAULT-VALUE}) or a postgresql://… JDBC URL.")
    String store;

    @Option(names = "--authority-key", paramLabel = "FILE", required = true,
            description = "The authority's public key (authority.pub).")
    Path authorityKey;

    @Option(names = "--key", paramLabel = "FILE.qskey", required = true,
            description = "This replica's Simplex key (qsmp keygen --name server).")
    Path key;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "0.0.0.0",
            description = "Address to listen on (default ${DEFAULT-VALUE}; '::' for IPv6).")
    String bind;

    @Option(names = "--port", defaultValue = "" + ReplicaOptions.DEFAULT_PORT,
            description = "Port (default ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--accept-config", paramLabel = "CONFIG",
            description = "Configuration strings of records this directory serves (repeatable; default: the "
                    + "replica key's own).")
    List<String> configs;

    @Option(names = "--workers", defaultValue = "2", description = "Request threads (default ${DEFAULT-VALUE}).")
    int workers;

    @Option(names = "--clock-offset", paramLabel = "SECONDS", defaultValue = "0",
            description = "Seconds added to UTC for expiry checks (profile rule 4).")
    long clockOffset;

    @Override
    int run() throws CliFailure, DirectoryException {
        SigningKeyRecord replicaKey;
        try {
            replicaKey = KeyFiles.readQskey(key);
        } catch (IOException | KeyFileException e) {
            throw new CliFailure(2, "cannot read " + key + ": " + e.getMessage());
        }
        Set<ConfigString> accepted = new LinkedHashSet<>();
        try {
            for (String c : configs == null ? List.of(replicaKey.config().text()) : configs) {
                accepted.add(ParameterSet.select(c, false).config());
            }
        } catch (IllegalArgumentException e) {
            throw new CliFailure(2, e.getMessage());
        }
        SubmissionCheck check = new SubmissionCheck(AuthorityFiles.publicKey(authorityKey), accepted,
                Clock.system(clockOffset));
        HandshakeContext ctx = HandshakeContext.defaults(replicaKey.parameterSet());
        try (RecordStore records = RecordStores.open(store); QsmpNetwork network = QsmpNetwork.create();
                DirectoryReplica replica = DirectoryReplica.start(network, ctx, replicaKey,
                        new InetSocketAddress(bind, port), TransportSettings.DEFAULTS, records, check, workers)) {
            out().println("directory replica listening on " + replica.localAddress().getHostString() + ":"
                    + replica.localAddress().getPort() + " (store " + records + ")");
            out().flush();
            CountDownLatch stop = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown, "directory-shutdown"));
            stop.await();
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        } finally {
            replicaKey.close();
        }
    }
}
