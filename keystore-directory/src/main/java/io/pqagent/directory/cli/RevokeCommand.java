package io.pqagent.directory.cli;

import io.pqagent.directory.client.DirectoryClient;
import io.pqagent.directory.record.DirectoryException;
import io.pqagent.directory.record.DirectoryRecord;
import io.pqagent.directory.record.RecordAuthority;
import io.pqagent.directory.record.SignedRecord;
import io.pqagent.keystore.Unlock;
import io.pqagent.qsmp.crypto.EntropySource;
import io.pqagent.qsmp.keys.KeyId;
import io.pqagent.qsmp.transport.QsmpNetwork;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "revoke", mixinStandardHelpOptions = true,
        description = "Revoke a key id: fetch its current record from a replica, sign the revocation with the "
                + "authority and submit it. A revocation is final.")
final class RevokeCommand extends DirectoryCommand {
    @Option(names = "--authority", paramLabel = "DIR", required = true, description = "The authority directory.")
    Path authorityDir;

    @Mixin
    UnlockOptions unlock;

    @Option(names = "--kid", paramLabel = "HEX", required = true, description = "The key id to revoke.")
    String kid;

    @Mixin
    ReplicaOptions replica;

    @Override
    int run() throws CliFailure, DirectoryException {
        KeyId keyId;
        try {
            keyId = KeyId.fromHex(kid);
        } catch (IllegalArgumentException e) {
            throw new CliFailure(2, e.getMessage());
        }
        try (QsmpNetwork network = QsmpNetwork.create(); DirectoryClient client = replica.connect(network)) {
            DirectoryRecord current = client.lookup(keyId).record();
            if (!current.isActive()) {
                out().println("already revoked " + RecordText.line(current));
                return 0;
            }
            SignedRecord signed;
            try (Unlock u = unlock.open(); RecordAuthority authority = AuthorityFiles.open(authorityDir, u)) {
                long serial = AuthorityFiles.serials(authorityDir).next();
                signed = authority.sign(current.revoked(serial, System.currentTimeMillis() / 1000),
                        EntropySource.system());
            } catch (IOException e) {
                throw new CliFailure(1, "cannot advance the serial number: " + e.getMessage());
            }
            client.submit(signed);
            out().println("revoked " + RecordText.line(signed.record()));
            return 0;
        }
    }
}
