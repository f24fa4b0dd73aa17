package io.pqagent.keystore;

import io.pqagent.qsmp.crypto.EntropySource;
import io.pqagent.qsmp.crypto.SecretBytes;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A secret encrypted at rest: {@link SealedHeader} then AES-256-GCM of the content under a key from the
 * passphrase (Argon2id) or the key file, with the whole header as associated data, so that changing any
 * parameter is detected like changing the ciphertext. The layout is in docs/directory.md, "Identity files".
 */
public final class SealedFile {
    /** The largest content a sealed file holds. */
    public static final int MAX_CONTENT = SealedHeader.MAX_CIPHERTEXT - SealedHeader.TAG_SIZE;
    /** The largest sealed file. */
    public static final int MAX_FILE_SIZE = SealedHeader.SIZE + SealedHeader.MAX_CIPHERTEXT;

    private SealedFile() {
    }

    /** The sealed bytes of {@code content}, with a fresh salt and nonce from {@code entropy}. */
    public static byte[] seal(SealedContent type, byte[] content, Unlock unlock, EntropySource entropy)
            throws KeystoreException {
        if (content.length > MAX_CONTENT) {
            throw new IllegalArgumentException("content of " + content.length + " bytes exceeds " + MAX_CONTENT);
        }
        byte[] salt = entropy.nextBytes(SealedHeader.SALT_SIZE);
        byte[] nonce = entropy.nextBytes(SealedHeader.NONCE_SIZE);
        KdfSpec spec = unlock.sealingSpec();
        SealedHeader header = new SealedHeader(type, spec, salt, nonce, content.length + SealedHeader.TAG_SIZE);
        byte[] head = header.encode();
        try (SecretBytes key = unlock.fileKey(spec, salt, "new " + type + " file")) {
            byte[] out = Arrays.copyOf(head, SealedHeader.SIZE + header.ciphertextLength());
            Cipher gcm = cipher(Cipher.ENCRYPT_MODE, key, nonce);
            gcm.updateAAD(head);
            int written = gcm.doFinal(content, 0, content.length, out, SealedHeader.SIZE);
            if (written != header.ciphertextLength()) {
                throw new IllegalStateException("AES-GCM wrote " + written + " bytes, expected "
                        + header.ciphertextLength());
            }
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is not available on this JVM", e);
        }
    }

    /**
     * The content of a sealed file's bytes; the caller closes it (which wipes it).
     *
     * @param name the file's name for error messages
     * @throws KeystoreException with the first problem found: header fields in order, then the unlock
     *         method, then authentication (WRONG_PASSPHRASE_OR_TAMPERED)
     */
    public static SecretBytes open(byte[] file, SealedContent expected, Unlock unlock, String name)
            throws KeystoreException {
        SealedHeader header = SealedHeader.parse(file, expected, name);
        try (SecretBytes key = unlock.fileKey(header.kdf(), header.salt(), name)) {
            Cipher gcm = cipher(Cipher.DECRYPT_MODE, key, header.nonce());
            gcm.updateAAD(file, 0, SealedHeader.SIZE);
            byte[] content = new byte[header.ciphertextLength() - SealedHeader.TAG_SIZE];
            try {
                gcm.doFinal(file, SealedHeader.SIZE, header.ciphertextLength(), content, 0);
            } catch (AEADBadTagException e) {
                Arrays.fill(content, (byte) 0);
                throw new KeystoreException(KeystoreError.WRONG_PASSPHRASE_OR_TAMPERED, name, e);
            }
            return SecretBytes.wrap(content);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is not available on this JVM", e);
        }
    }

    /** Seals {@code content} and writes it atomically, owner-only, over {@code path}. */
    public static void write(Path path, SealedContent type, byte[] content, Unlock unlock, EntropySource entropy)
            throws KeystoreException {
        write(path, type, content, unlock, entropy, FaultInjector.NONE);
    }

    static void write(Path path, SealedContent type, byte[] content, Unlock unlock, EntropySource entropy,
            FaultInjector faults) throws KeystoreException {
        PrivateFile.write(path, seal(type, content, unlock, entropy), faults);
    }

    /**
     * Reads and opens a sealed file; refuses it (INSECURE_PERMISSIONS) if group or others have any access.
     * Never writes to the file.
     */
    public static SecretBytes read(Path path, SealedContent expected, Unlock unlock) throws KeystoreException {
        byte[] file = PrivateFile.read(path, MAX_FILE_SIZE);
        return open(file, expected, unlock, path.toString());
    }

    private static Cipher cipher(int mode, SecretBytes key, byte[] nonce) throws GeneralSecurityException {
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        SecretKeySpec spec = new SecretKeySpec(key.bytes(), "AES");
        gcm.init(mode, spec, new GCMParameterSpec(SealedHeader.TAG_SIZE * 8, nonce));
        return gcm;
    }
}
