package io.pqagent.keystore;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Owner-only files: written atomically (temporary file created 0600 in the same directory, written,
 * forced to the device, renamed over the target, directory forced), read only when neither the file nor
 * its directory lets anyone else in. Where the file system has no POSIX permissions (Windows) the mode
 * checks are skipped: there the directory's ACL is the operator's responsibility.
 */
final class PrivateFile {
    static final String TEMP_SUFFIX = ".tmp";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FOREIGN = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);
    private static final Set<PosixFilePermission> FOREIGN_WRITE = EnumSet.of(
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);

    private PrivateFile() {
    }

    static void write(Path target, byte[] content) throws KeystoreException {
        write(target, content, FaultInjector.NONE);
    }

    /**
     * Replaces {@code target} with {@code content} all at once. On failure the previous file is intact and
     * no temporary file is left behind.
     */
    static void write(Path target, byte[] content, FaultInjector faults) throws KeystoreException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Path tmp = null;
        boolean moved = false;
        try {
            // 0600 from creation: no moment exists in which another user could open the file
            tmp = posix(dir)
                    ? Files.createTempFile(dir, tempPrefix(absolute), TEMP_SUFFIX,
                            PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                    : Files.createTempFile(dir, tempPrefix(absolute), TEMP_SUFFIX);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(content);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            faults.at("before-rename " + absolute.getFileName());
            move(tmp, absolute);
            moved = true;
        } catch (IOException e) {
            throw new KeystoreException(KeystoreError.IO_FAILURE, "writing " + absolute + ": " + e, e);
        } finally {
            if (!moved && tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the write already failed; its error is the one to report
                }
            }
        }
    }

    /** Renames {@code from} over {@code to} atomically and makes the rename durable. */
    static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
        syncDirectory(to.toAbsolutePath().getParent());
    }

    static String tempPrefix(Path target) {
        return "." + target.getFileName() + ".";
    }

    /**
     * The file's bytes, at most {@code limit + 1} of them (so a caller sees "too long" without reading a
     * huge file), after checking that neither the file nor its directory is open to others.
     */
    static byte[] read(Path path, int limit) throws KeystoreException {
        requirePrivate(path);
        try (InputStream in = Files.newInputStream(path)) {
            return in.readNBytes(limit + 1);
        } catch (NoSuchFileException e) {
            throw new KeystoreException(KeystoreError.IO_FAILURE, path + " does not exist", e);
        } catch (IOException e) {
            throw new KeystoreException(KeystoreError.IO_FAILURE, "reading " + path + ": " + e, e);
        }
    }

    /** Refuses a file readable, writable or executable by group or others, or in a directory they can write. */
    static void requirePrivate(Path path) throws KeystoreException {
        Path absolute = path.toAbsolutePath();
        try {
            if (!Files.isRegularFile(absolute)) {
                throw new KeystoreException(KeystoreError.IO_FAILURE, absolute
                        + (Files.exists(absolute) ? " is not a regular file" : " does not exist"));
            }
            if (!posix(absolute.getParent())) {
                return;
            }
            requireOwnerOnlyMode(absolute);
            Set<PosixFilePermission> dirMode = Files.getPosixFilePermissions(absolute.getParent());
            if (dirMode.stream().anyMatch(FOREIGN_WRITE::contains)) {
                throw new KeystoreException(KeystoreError.INSECURE_PERMISSIONS, "directory " + absolute.getParent()
                        + " has mode " + PosixFilePermissions.toString(dirMode)
                        + "; others could replace the file (chmod 700 it)");
            }
        } catch (IOException e) {
            throw new KeystoreException(KeystoreError.IO_FAILURE, "checking " + absolute + ": " + e, e);
        }
    }

    /** Refuses a file whose mode grants group or others any access (its directory is not checked). */
    static void requireOwnerOnlyMode(Path path) throws KeystoreException {
        try {
            if (!posix(path.toAbsolutePath().getParent())) {
                return;
            }
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(path);
            if (mode.stream().anyMatch(FOREIGN::contains)) {
                throw new KeystoreException(KeystoreError.INSECURE_PERMISSIONS, path + " has mode "
                        + PosixFilePermissions.toString(mode) + "; it must be rw------- (chmod 600)");
            }
        } catch (NoSuchFileException e) {
            throw new KeystoreException(KeystoreError.IO_FAILURE, path + " does not exist", e);
        } catch (IOException e) {
            throw new KeystoreException(KeystoreError.IO_FAILURE, "checking " + path + ": " + e, e);
        }
    }

    /** Creates {@code dir} (and parents) owner-only if missing; refuses an existing one others can write. */
    static void ensureDirectory(Path dir) throws KeystoreException {
        try {
            if (!Files.isDirectory(dir)) {
                if (posix(firstExisting(dir))) {
                    Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_DIRECTORY));
                    Files.setPosixFilePermissions(dir, OWNER_DIRECTORY); // the umask may have narrowed it
                } else {
                    Files.createDirectories(dir);
                }
            }
            if (posix(dir) && Files.getPosixFilePermissions(dir).stream().anyMatch(FOREIGN_WRITE::contains)) {
                throw new KeystoreException(KeystoreError.INSECURE_PERMISSIONS, "directory " + dir + " has mode "
                        + PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)) + " (chmod 700 it)");
            }
        } catch (IOException e) {
            throw new KeystoreException(KeystoreError.IO_FAILURE, "creating " + dir + ": " + e, e);
        }
    }

    private static Path firstExisting(Path dir) {
        Path p = dir.toAbsolutePath();
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        return p;
    }

    private static boolean posix(Path dir) {
        return dir != null && dir.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /** Makes a rename durable where the platform can sync a directory (Linux can, Windows cannot). */
    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // the content is in place and flushed; only the rename's durability is best effort here
        }
    }

    static boolean exists(Path path) {
        return Files.exists(path, LinkOption.NOFOLLOW_LINKS);
    }
}
