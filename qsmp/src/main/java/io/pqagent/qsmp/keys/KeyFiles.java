package io.pqagent.qsmp.keys;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Set;

/**
 * Key files on disk. Writes are atomic (a temporary file in the same directory, flushed to the device,
 * then renamed over the target), so a crash never leaves half a key; a {@code .qskey} is readable by its
 * owner only where the file system has POSIX permissions. Reads refuse files larger than any key file
 * before reading them.
 */
public final class KeyFiles {
    /** Far above the largest key file (a .qskey of 7560 bytes); anything bigger is not a key. */
    public static final long MAX_FILE_SIZE = 4L * 1024 * 1024;

    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> WORLD_READABLE = PosixFilePermissions.fromString("rw-r--r--");

    private KeyFiles() {
    }

    public static void writeQskey(Path path, SigningKeyRecord key) throws IOException {
        byte[] bytes = Qskey.encode(key);
        try {
            AtomicFile.write(path, bytes, OWNER_ONLY);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    public static void writeQpkey(Path path, PublicKeyRecord key) throws IOException {
        AtomicFile.write(path, Qpkey.encodeFile(key), WORLD_READABLE);
    }

    /**
     * @throws KeyFileException with the path, if the file is too large or not a valid {@code .qskey}
     */
    public static SigningKeyRecord readQskey(Path path) throws IOException, KeyFileException {
        byte[] bytes = readBounded(path);
        try {
            return Qskey.decode(bytes);
        } catch (KeyFileException e) {
            throw new KeyFileException(path + ": " + e.getMessage(), e);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /**
     * @throws KeyFileException with the path, if the file is too large or not a valid {@code .qpkey}
     */
    public static PublicKeyRecord readQpkey(Path path) throws IOException, KeyFileException {
        byte[] bytes = readBounded(path);
        try {
            return Qpkey.decode(bytes);
        } catch (KeyFileException e) {
            throw new KeyFileException(path + ": " + e.getMessage(), e);
        }
    }

    private static byte[] readBounded(Path path) throws IOException, KeyFileException {
        long size = Files.size(path);
        if (size > MAX_FILE_SIZE) {
            throw new KeyFileException(path + ": file is " + size + " bytes, larger than any key file (limit "
                    + MAX_FILE_SIZE + ")");
        }
        try (InputStream in = Files.newInputStream(path)) {
            // the file may have grown since size(): never read more than the limit plus one byte
            byte[] bytes = in.readNBytes((int) MAX_FILE_SIZE + 1);
            if (bytes.length > MAX_FILE_SIZE) {
                Arrays.fill(bytes, (byte) 0);
                throw new KeyFileException(path + ": file grew beyond " + MAX_FILE_SIZE + " bytes while being read");
            }
            return bytes;
        }
    }
}
