package io.pqagent.directory.record;

import io.pqagent.qsmp.keys.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

/**
 * The authority's public key as a text file an operator copies to every agent and replica and can
 * compare by eye:
 *
 * <pre>
 * # pqagent directory authority, sha3-256 fingerprint 3f9a...
 * ML-DSA-87 &lt;base64 of the verification key&gt;
 * </pre>
 */
public final class AuthorityKeyFile {
    private static final String ALGORITHM_TAG = "ML-DSA-87";
    private static final long MAX_SIZE = 16 * 1024;

    private AuthorityKeyFile() {
    }

    public static void write(Path path, AuthorityKey key) throws IOException {
        String text = "# pqagent directory authority, sha3-256 fingerprint " + key.fingerprintHex() + "\n"
                + ALGORITHM_TAG + " " + Base64.getEncoder().encodeToString(key.verificationKey()) + "\n";
        AtomicFile.write(path, text.getBytes(StandardCharsets.US_ASCII), PosixFilePermissions.fromString("rw-r--r--"));
    }

    /** @throws IOException naming the file and what is wrong with it */
    public static AuthorityKey read(Path path) throws IOException {
        if (Files.size(path) > MAX_SIZE) {
            throw new IOException(path + " is too large to be an authority key file");
        }
        AuthorityKey found = null;
        int lineNo = 0;
        for (String line : Files.readAllLines(path, StandardCharsets.US_ASCII)) {
            lineNo++;
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            String[] parts = t.split("\\s+");
            if (parts.length != 2 || !parts[0].equals(ALGORITHM_TAG)) {
                throw new IOException(path + " line " + lineNo + ": expected '" + ALGORITHM_TAG + " <base64>'");
            }
            if (found != null) {
                throw new IOException(path + " line " + lineNo + ": more than one authority key");
            }
            try {
                found = new AuthorityKey(Base64.getDecoder().decode(parts[1]));
            } catch (IllegalArgumentException e) {
                throw new IOException(path + " line " + lineNo + ": " + e.getMessage());
            }
        }
        if (found == null) {
            throw new IOException(path + " holds no authority key");
        }
        return found;
    }
}
