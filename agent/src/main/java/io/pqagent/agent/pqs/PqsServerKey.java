package io.pqagent.agent.pqs;

import io.pqagent.qsmp.crypto.EntropySource;
import io.pqagent.qsmp.crypto.ParameterSet;
import io.pqagent.qsmp.keys.KeyFileException;
import io.pqagent.qsmp.keys.KeyFiles;
import io.pqagent.qsmp.keys.KeyGeneration;
import io.pqagent.qsmp.keys.KeyId;
import io.pqagent.qsmp.keys.SigningKeyRecord;
import io.pqagent.qsmp.wire.Clock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.HexFormat;

/**
 * The PQS server's own Simplex signing key (docs/pqs.md §5), separate from the agent's identity: a
 * Simplex server signs with a key its clients pin, and operators' clients should not need, nor be able
 * to impersonate, the identity peers authenticate. Kept as {@code pqs-server.qskey} (0600) in the
 * identity directory, generated the first time PQS is enabled, with {@code pqs-server.qpkey} beside it
 * for operators to copy to their clients.
 */
public final class PqsServerKey {
    public static final String KEY_FILE = "pqs-server.qskey";
    public static final String PUBLIC_FILE = "pqs-server.qpkey";

    private PqsServerKey() {
    }

    /**
     * @throws IOException when the key cannot be read or written, is accessible to others, or has expired
     */
    public static SigningKeyRecord loadOrCreate(Path dir, ParameterSet set, Clock clock, EntropySource entropy)
            throws IOException {
        Path key = dir.resolve(KEY_FILE);
        if (!Files.exists(key)) {
            SigningKeyRecord fresh = KeyGeneration.generate(set, KeyId.random(entropy),
                    KeyGeneration.defaultExpiration(clock), entropy);
            KeyFiles.writeQskey(key, fresh);
            KeyFiles.writeQpkey(dir.resolve(PUBLIC_FILE), fresh.publicRecord());
            return fresh;
        }
        if (key.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            for (PosixFilePermission p : Files.getPosixFilePermissions(key)) {
                if (p != PosixFilePermission.OWNER_READ && p != PosixFilePermission.OWNER_WRITE) {
                    throw new IOException(key + " is accessible to others; chmod 600 it");
                }
            }
        }
        SigningKeyRecord loaded;
        try {
            loaded = KeyFiles.readQskey(key);
        } catch (KeyFileException e) {
            throw new IOException(e.getMessage(), e);
        }
        if (loaded.expiration() <= clock.utcSeconds()) {
            loaded.close();
            throw new IOException(key + " has expired: remove it (and " + PUBLIC_FILE
                    + ") to generate a new one, then give clients the new " + PUBLIC_FILE);
        }
        if (!Files.exists(dir.resolve(PUBLIC_FILE))) {
            KeyFiles.writeQpkey(dir.resolve(PUBLIC_FILE), loaded.publicRecord());
        }
        return loaded;
    }

    /** SHA3-256 of the verification key, in hex: what known-hosts files and the operator compare. */
    public static String fingerprint(byte[] verificationKey) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA3-256").digest(verificationKey));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA3-256", e);
        }
    }
}
