package io.pqagent.keystore;

import io.pqagent.qsmp.crypto.EntropySource;
import io.pqagent.qsmp.crypto.SecretBytes;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The layout of an identity directory and the file operations of each step; every change is one atomic
 * write or one atomic rename, so the directory is always in one of the phases {@link IdentityStore} knows.
 *
 * <pre>
 * identity/                0700
 *   current.qid            0600  the identity in use
 *   next.qid               0600  during a rotation: prepared, then published
 *   retired/&lt;key id&gt;.qid   0600  old identities, still sealed
 * </pre>
 */
final class IdentityFiles {
    static final String CURRENT = "current.qid";
    static final String NEXT = "next.qid";
    static final String RETIRED = "retired";

    private static final Logger LOG = LoggerFactory.getLogger(IdentityFiles.class);

    private final Path directory;
    private final EntropySource entropy;
    private final FaultInjector faults;

    IdentityFiles(Path directory, EntropySource entropy, FaultInjector faults) {
        this.directory = directory;
        this.entropy = entropy;
        this.faults = faults;
    }

    Path current() {
        return directory.resolve(CURRENT);
    }

    Path next() {
        return directory.resolve(NEXT);
    }

    void ensureDirectory() throws KeystoreException {
        PrivateFile.ensureDirectory(directory);
    }

    /** Seals and writes {@code identity}; returns the file's bytes (sealed: nothing secret). */
    byte[] write(Path file, Identity identity, Unlock unlock) throws KeystoreException {
        byte[] content = IdentityCodec.encode(identity);
        try {
            byte[] sealed = SealedFile.seal(SealedContent.IDENTITY, content, unlock, entropy);
            PrivateFile.write(file, sealed, faults);
            return sealed;
        } finally {
            Arrays.fill(content, (byte) 0);
        }
    }

    /** A sealed file's bytes, refused if others may read it (INSECURE_PERMISSIONS). */
    byte[] readSealed(Path file) throws KeystoreException {
        return PrivateFile.read(file, SealedFile.MAX_FILE_SIZE);
    }

    /** Opens the bytes {@link #readSealed} returned for {@code file}. */
    Identity open(byte[] sealed, Path file, Unlock unlock) throws KeystoreException {
        try (SecretBytes content = SealedFile.open(sealed, SealedContent.IDENTITY, unlock, file.toString())) {
            return IdentityCodec.decode(content, file.toString());
        }
    }

    /**
     * Retirement: copy {@code current.qid} to {@code retired/<old key id>.qid}, then rename {@code next.qid}
     * over {@code current.qid}. A crash after the copy leaves the rotation where it was, with a spare copy
     * that the repeated step overwrites.
     */
    void archiveCurrentAndPromoteNext(String oldKeyIdHex) throws KeystoreException {
        Path retired = directory.resolve(RETIRED);
        PrivateFile.ensureDirectory(retired);
        byte[] sealed = PrivateFile.read(current(), SealedFile.MAX_FILE_SIZE);
        PrivateFile.write(retired.resolve(oldKeyIdHex + ".qid"), sealed, faults);
        try {
            faults.at("retire: archived, before promoting next");
            PrivateFile.move(next(), current());
        } catch (IOException e) {
            throw new KeystoreException(KeystoreError.IO_FAILURE, "renaming " + NEXT + " to " + CURRENT + " in "
                    + directory + ": " + e, e);
        }
    }

    /** Temporary files of writes a crash interrupted: never renamed, so never part of the state. */
    void removeTemporaryFiles() throws KeystoreException {
        for (Path dir : List.of(directory, directory.resolve(RETIRED))) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, ".*.qid.*" + PrivateFile.TEMP_SUFFIX)) {
                for (Path tmp : files) {
                    Files.deleteIfExists(tmp);
                    LOG.info("removed {}, left by an interrupted write", tmp);
                }
            } catch (IOException e) {
                throw new KeystoreException(KeystoreError.IO_FAILURE, "cleaning " + dir + ": " + e, e);
            }
        }
    }
}
