package io.pqagent.directory.cli;

import io.pqagent.directory.record.AuthorityKey;
import io.pqagent.keystore.Unlock;
import io.pqagent.qsmp.crypto.EntropySource;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "init-authority", mixinStandardHelpOptions = true,
        description = "Create the directory authority key (ML-DSA-87) on the operator's machine: authority.pub "
                + "to pin on replicas and agents, authority.key sealed with the passphrase or key file.")
final class InitAuthorityCommand extends DirectoryCommand {
    @Option(names = "--dir", paramLabel = "DIR", required = true, description = "Where the authority files go.")
    Path dir;

    @Mixin
    UnlockOptions unlock;

    @Override
    int run() throws CliFailure {
        EntropySource entropy = EntropySource.system();
        try (Unlock u = unlock.openOrCreate(entropy)) {
            AuthorityKey key = AuthorityFiles.create(dir, u, entropy);
            out().println("authority created in " + dir);
            out().println("fingerprint (sha3-256): " + key.fingerprintHex());
            return 0;
        }
    }
}
