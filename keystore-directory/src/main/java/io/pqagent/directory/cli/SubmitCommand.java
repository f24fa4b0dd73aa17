package io.pqagent.directory.cli;

import io.pqagent.directory.record.DirectoryException;
import io.pqagent.directory.record.SignedRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "submit", mixinStandardHelpOptions = true,
        description = "Submit a record signed earlier with 'register --out' or 'revoke --out'.")
final class SubmitCommand extends DirectoryCommand {
    @Option(names = "--record", paramLabel = "FILE", required = true, description = "The signed record file.")
    Path record;

    @Mixin
    ReplicaOptions replica;

    @Override
    int run() throws CliFailure, DirectoryException {
        byte[] encoded;
        try {
            if (Files.size(record) > SignedRecord.MAX_ENCODED) {
                throw new CliFailure(2, record + " is too large to be a signed record");
            }
            encoded = Files.readAllBytes(record);
        } catch (IOException e) {
            throw new CliFailure(2, "cannot read " + record + ": " + e.getMessage());
        }
        // checked here first, so a wrong file is named locally rather than refused by the replica
        SignedRecord signed = SignedRecord.decode(encoded, replica.authority());
        return Submitting.deliver(signed, replica, null, out());
    }
}
