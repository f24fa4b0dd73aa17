package io.pqagent.directory.cli;

import io.pqagent.directory.client.DirectoryClient;
import io.pqagent.directory.record.DirectoryException;
import io.pqagent.directory.record.DirectoryRecord;
import io.pqagent.directory.record.RecordAuthority;
import io.pqagent.directory.record.SignedRecord;
import io.pqagent.keystore.Unlock;
import io.pqagent.qsmp.crypto.EntropySource;
import io.pqagent.qsmp.keys.KeyFileException;
import io.pqagent.qsmp.keys.KeyFiles;
import io.pqagent.qsmp.keys.PublicKeyRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "register", aliases = "enrol", mixinStandardHelpOptions = true,
        description = "Sign a registration of an agent's public key (.qpkey) with the authority and submit it "
                + "to a replica, or write it to a file (--out) to submit later from another machine.")
final class RegisterCommand extends DirectoryCommand {
    @Option(names = "--authority", paramLabel = "DIR", required = true, description = "The authority directory.")
    Path authorityDir;

    @Mixin
    UnlockOptions unlock;

    @Option(names = "--qpkey", paramLabel = "FILE", required = true, description = "The agent's public key file.")
    Path qpkey;

    @Option(names = "--owner", required = true, description = "The agent's name, e.g. substation-b.")
    String owner;

    @Option(names = "--site", defaultValue = "", description = "Site label.")
    String site;

    @Option(names = "--role", description = "Role label (repeatable).")
    List<String> roles = new ArrayList<>();

    @ArgGroup(exclusive = true, multiplicity = "1")
    Destination destination;

    static final class Destination {
        @ArgGroup(exclusive = false)
        ReplicaOptions replica;

        @Option(names = "--out", paramLabel = "FILE", description = "Write the signed record here instead.")
        Path out;
    }

    @Override
    int run() throws CliFailure, DirectoryException {
        PublicKeyRecord key;
        try {
            key = KeyFiles.readQpkey(qpkey);
        } catch (IOException | KeyFileException e) {
            throw new CliFailure(2, "cannot read " + qpkey + ": " + e.getMessage());
        }
        SignedRecord signed;
        try (Unlock u = unlock.open(); RecordAuthority authority = AuthorityFiles.open(authorityDir, u)) {
            DirectoryRecord record;
            try {
                long serial = AuthorityFiles.serials(authorityDir).next();
                record = DirectoryRecord.active(key, serial, System.currentTimeMillis() / 1000, owner, site, roles);
            } catch (IllegalArgumentException e) {
                throw new CliFailure(2, e.getMessage());
            } catch (IOException e) {
                throw new CliFailure(1, "cannot advance the serial number: " + e.getMessage());
            }
            signed = authority.sign(record, EntropySource.system());
        }
        return Submitting.deliver(signed, destination.replica, destination.out, out());
    }
}
