package io.pqagent.directory.cli;

import io.pqagent.directory.record.AuthorityKey;
import io.pqagent.directory.record.AuthorityKeyFile;
import io.pqagent.directory.record.RecordAuthority;
import io.pqagent.directory.record.SerialSource;
import io.pqagent.keystore.KeystoreException;
import io.pqagent.keystore.SealedContent;
import io.pqagent.keystore.SealedFile;
import io.pqagent.keystore.Unlock;
import io.pqagent.qsmp.crypto.EntropySource;
import io.pqagent.qsmp.crypto.SecretBytes;
import io.pqagent.qsmp.crypto.SigningKeyPair;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The operator's authority directory: {@code authority.pub} (to copy to replicas and agents),
 * {@code authority.key} (the signing key, sealed) and {@code authority.serial} (the last serial issued).
 */
final class AuthorityFiles {
    static final String PUBLIC = "authority.pub";
    static final String SEALED = "authority.key";
    static final String SERIAL = "authority.serial";

    private AuthorityFiles() {
    }

    static AuthorityKey create(Path dir, Unlock unlock, EntropySource entropy) throws CliFailure {
        if (Files.exists(dir.resolve(SEALED)) || Files.exists(dir.resolve(PUBLIC))) {
            throw new CliFailure(2, dir + " already holds an authority; refusing to replace it");
        }
        SigningKeyPair pair = RecordAuthority.generate(entropy);
        try (SecretBytes sk = pair.signingKey()) {
            Files.createDirectories(dir);
            AuthorityKey key = new AuthorityKey(pair.verificationKey());
            SealedFile.write(dir.resolve(SEALED), SealedContent.AUTHORITY_KEY, sk.bytes(), unlock, entropy);
            AuthorityKeyFile.write(dir.resolve(PUBLIC), key);
            return key;
        } catch (KeystoreException | IOException e) {
            throw new CliFailure(1, "cannot write the authority to " + dir + ": " + e.getMessage());
        }
    }

    /** Opens the sealed key and checks it belongs to {@code authority.pub}. The caller closes it. */
    static RecordAuthority open(Path dir, Unlock unlock) throws CliFailure {
        AuthorityKey key = publicKey(dir.resolve(PUBLIC));
        SecretBytes sk;
        try {
            sk = SealedFile.read(dir.resolve(SEALED), SealedContent.AUTHORITY_KEY, unlock);
        } catch (KeystoreException e) {
            throw new CliFailure(1, e.getMessage());
        }
        try (sk) {
            RecordAuthority authority = new RecordAuthority(key, sk);
            if (!authority.matchesPublicKey()) {
                authority.close();
                throw new CliFailure(1, dir.resolve(SEALED) + " does not belong to " + dir.resolve(PUBLIC)
                        + " (fingerprint " + key.fingerprintHex() + ")");
            }
            return authority;
        } catch (IllegalArgumentException e) {
            throw new CliFailure(1, dir.resolve(SEALED) + ": " + e.getMessage());
        }
    }

    static SerialSource serials(Path dir) {
        return new SerialSource(dir.resolve(SERIAL));
    }

    static AuthorityKey publicKey(Path file) throws CliFailure {
        try {
            return AuthorityKeyFile.read(file);
        } catch (IOException e) {
            throw new CliFailure(2, "cannot read the authority key: " + e.getMessage());
        }
    }
}
