package io.pqagent.directory.cli;

import io.pqagent.directory.client.DirectoryClient;
import io.pqagent.directory.record.DirectoryException;
import io.pqagent.directory.record.SignedRecord;
import io.pqagent.qsmp.keys.KeyId;
import io.pqagent.qsmp.transport.QsmpNetwork;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Show the records of one key id or one owner, verified against the authority key.")
final class ShowCommand extends DirectoryCommand {
    @ArgGroup(exclusive = true, multiplicity = "1")
    Selector selector;

    static final class Selector {
        @Option(names = "--kid", paramLabel = "HEX", description = "A key id.")
        String kid;

        @Option(names = "--owner", paramLabel = "NAME", description = "An owner name (all its keys).")
        String owner;
    }

    @Mixin
    ReplicaOptions replica;

    @Override
    int run() throws CliFailure, DirectoryException {
        KeyId keyId = null;
        if (selector.kid != null) {
            try {
                keyId = KeyId.fromHex(selector.kid);
            } catch (IllegalArgumentException e) {
                throw new CliFailure(2, e.getMessage());
            }
        }
        try (QsmpNetwork network = QsmpNetwork.create(); DirectoryClient client = replica.connect(network)) {
            List<SignedRecord> found = keyId != null ? List.of(client.lookup(keyId))
                    : client.lookupOwner(selector.owner);
            for (SignedRecord r : found) {
                out().println(RecordText.line(r.record()));
            }
            if (found.isEmpty()) {
                err().println("qsmp-directory show: no records for owner " + selector.owner);
                return 1;
            }
            return 0;
        }
    }
}
