package io.pqagent.directory.cli;

import io.pqagent.directory.client.DirectoryClient;
import io.pqagent.directory.record.DirectoryException;
import io.pqagent.directory.record.SignedRecord;
import io.pqagent.qsmp.transport.QsmpNetwork;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List every record a replica holds, each verified against the authority key.")
final class ListCommand extends DirectoryCommand {
    @Mixin
    ReplicaOptions replica;

    @Override
    int run() throws CliFailure, DirectoryException {
        try (QsmpNetwork network = QsmpNetwork.create(); DirectoryClient client = replica.connect(network)) {
            int n = 0;
            for (SignedRecord r : client.list()) {
                out().println(RecordText.line(r.record()));
                n++;
            }
            out().println(n + " records");
            return 0;
        }
    }
}
