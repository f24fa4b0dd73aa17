package io.pqagent.keystore;

import io.pqagent.qsmp.crypto.EntropySource;
import io.pqagent.qsmp.crypto.SecretBytes;

/**
 * What opens a sealed file: a passphrase or a key file. The caller owns it and closes it (which wipes it);
 * an {@link IdentityStore} keeps a reference to re-seal its files on each rotation step.
 */
public sealed interface Unlock extends AutoCloseable permits PassphraseUnlock, KeyFileUnlock {

    /** The KDF to seal a new file with; the salt comes from the sealer. */
    KdfSpec sealingSpec();

    /**
     * The 32-byte AES key for a file sealed with {@code spec} and {@code salt}.
     *
     * @throws KeystoreException WRONG_UNLOCK_METHOD or WRONG_KEY_FILE, naming {@code name}
     */
    SecretBytes fileKey(KdfSpec spec, byte[] salt, String name) throws KeystoreException;

    @Override
    void close();

    static PassphraseUnlock passphrase(char[] passphrase) {
        return new PassphraseUnlock(passphrase, Argon2Cost.DEFAULT);
    }

    static PassphraseUnlock passphrase(char[] passphrase, Argon2Cost cost) {
        return new PassphraseUnlock(passphrase, cost);
    }

    /** Reads a key file: owner-only, exactly 32 bytes. */
    static KeyFileUnlock keyFile(java.nio.file.Path path) throws KeystoreException {
        return KeyFileUnlock.read(path);
    }

    /** A new random key file, written owner-only; refuses to replace an existing one. */
    static KeyFileUnlock createKeyFile(java.nio.file.Path path, EntropySource entropy) throws KeystoreException {
        return KeyFileUnlock.create(path, entropy);
    }
}
