package io.pqagent.agent.pqs;

import io.pqagent.qsmp.keys.AtomicFile;
import io.pqagent.qsmp.keys.KeyFileException;
import io.pqagent.qsmp.keys.PublicKeyRecord;
import io.pqagent.qsmp.keys.Qpkey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The client's pinned PQS server keys (docs/pqs.md §5): one line per server,
 * {@code HOST:PORT SHA3-256-HEX BASE64-QPKEY}. Strict by default: a server not listed, or listed with
 * another key, is refused unless the operator passes {@code acceptNew}, which records (or replaces) it.
 */
public final class KnownHosts {
    static final long MAX_FILE_BYTES = 4L << 20;

    private KnownHosts() {
    }

    /** Why a server key is not trusted. */
    public static final class HostKeyException extends Exception {
        private static final long serialVersionUID = 1L;

        public HostKeyException(String message) {
            super(message);
        }
    }

    /**
     * The key to pin for {@code host}: the listed one, or {@code offered} (from a .qpkey file) when it
     * matches the listed one, or is new or changed and {@code acceptNew} is set (then it is written down).
     *
     * @param offered null when the operator gave no key file
     */
    public static PublicKeyRecord resolve(Path file, String host, PublicKeyRecord offered, boolean acceptNew)
            throws HostKeyException, IOException {
        List<String> lines = Files.exists(file) ? read(file) : new ArrayList<>();
        PublicKeyRecord listed = null;
        int at = -1;
        for (int i = 0; i < lines.size(); i++) {
            String[] f = lines.get(i).trim().split("\\s+");
            if (f.length == 3 && f[0].equals(host)) {
                listed = decode(f, file, i + 1);
                at = i;
                break;
            }
        }
        if (listed != null && (offered == null || fingerprint(offered).equals(fingerprint(listed)))) {
            return listed;
        }
        if (offered == null) {
            throw new HostKeyException(host + " is not in " + file + ": give its .qpkey with --key (and --accept-new)");
        }
        if (!acceptNew) {
            throw new HostKeyException(listed == null
                    ? host + " is not in " + file + " (key " + fingerprint(offered) + "): check the fingerprint with "
                            + "the server's operator, then rerun with --accept-new"
                    : "THE KEY OF " + host + " HAS CHANGED: " + file + " lists " + fingerprint(listed) + ", offered "
                            + fingerprint(offered) + ". Refused; if the server's key was really replaced, rerun with "
                            + "--accept-new");
        }
        String line = host + " " + fingerprint(offered) + " " + Base64.getEncoder().encodeToString(Qpkey.encodeFile(offered));
        if (at >= 0) {
            lines.set(at, line);
        } else {
            lines.add(line);
        }
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        AtomicFile.write(file, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8),
                PosixFilePermissions.fromString("rw-------"));
        return offered;
    }

    public static String fingerprint(PublicKeyRecord key) {
        return PqsServerKey.fingerprint(key.verificationKey());
    }

    private static List<String> read(Path file) throws IOException {
        if (Files.size(file) > MAX_FILE_BYTES) {
            throw new IOException(file + " is larger than " + MAX_FILE_BYTES + " bytes");
        }
        return new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    private static PublicKeyRecord decode(String[] fields, Path file, int lineNo) throws HostKeyException {
        try {
            PublicKeyRecord key = Qpkey.decode(Base64.getDecoder().decode(fields[2]));
            if (!fingerprint(key).equals(fields[1])) {
                throw new HostKeyException(file + " line " + lineNo + ": the fingerprint does not match the key");
            }
            return key;
        } catch (KeyFileException | IllegalArgumentException e) {
            throw new HostKeyException(file + " line " + lineNo + ": not a valid key: " + e.getMessage());
        }
    }
}
