package io.pqagent.keystore;

import io.pqagent.qsmp.crypto.EntropySource;
import io.pqagent.qsmp.crypto.SecretBytes;
import io.pqagent.qsmp.crypto.Sha3;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A 32-byte random key file (for unattended agents; protect it like the identity itself). No KDF cost:
 * each sealed file's key is SHA3-256(label ‖ key ‖ salt), and the header carries the first 16 bytes of
 * SHA3-256(id label ‖ key) so that the wrong key file is reported as such rather than as tampering.
 */
public final class KeyFileUnlock implements Unlock {
    public static final int SIZE = 32;

    private static final byte[] FILE_KEY_LABEL = "pqagent sealed-file key\0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ID_LABEL = "pqagent key-file id\0".getBytes(StandardCharsets.US_ASCII);

    private final SecretBytes key;
    private final byte[] id;

    private KeyFileUnlock(SecretBytes key) {
        this.key = key;
        this.id = Arrays.copyOf(Sha3.sha256(ID_LABEL, key.bytes()), KdfSpec.PARAMS_SIZE);
    }

    static KeyFileUnlock read(Path path) throws KeystoreException {
        byte[] bytes = PrivateFile.read(path, SIZE);
        if (bytes.length != SIZE) {
            Arrays.fill(bytes, (byte) 0);
            throw new KeystoreException(KeystoreError.BAD_KEY_FILE, path + " is " + bytes.length + " bytes");
        }
        return new KeyFileUnlock(SecretBytes.wrap(bytes));
    }

    static KeyFileUnlock create(Path path, EntropySource entropy) throws KeystoreException {
        if (Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new KeystoreException(KeystoreError.IO_FAILURE, path
                    + " already exists; replacing a key file would lock away everything sealed with it");
        }
        SecretBytes key = SecretBytes.wrap(entropy.nextBytes(SIZE));
        PrivateFile.write(path, key.bytes());
        return new KeyFileUnlock(key);
    }

    @Override
    public KdfSpec sealingSpec() {
        return new KdfSpec.KeyFile(id);
    }

    @Override
    public synchronized SecretBytes fileKey(KdfSpec spec, byte[] salt, String name) throws KeystoreException {
        if (!(spec instanceof KdfSpec.KeyFile keyFile)) {
            throw new KeystoreException(KeystoreError.WRONG_UNLOCK_METHOD, name
                    + " is sealed with a passphrase, not a key file");
        }
        // a mismatch is a configuration mistake: say so before trying to decrypt
        if (!Arrays.equals(keyFile.keyFileId(), id)) {
            throw new KeystoreException(KeystoreError.WRONG_KEY_FILE, name + " was sealed with key file "
                    + java.util.HexFormat.of().formatHex(keyFile.keyFileId()) + ", this one is "
                    + java.util.HexFormat.of().formatHex(id));
        }
        return SecretBytes.wrap(Sha3.sha256(FILE_KEY_LABEL, key.bytes(), salt));
    }

    @Override
    public synchronized void close() {
        key.close();
    }

    @Override
    public String toString() {
        return "KeyFileUnlock[id=" + java.util.HexFormat.of().formatHex(id) + ", key=<secret>]";
    }
}
