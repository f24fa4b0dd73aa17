package io.pqagent.agent.pqs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * A user's transfer root and the only way into it (docs/pqs.md §6): a client path is relative, made of
 * plain names separated by '/', with no '.', '..' or empty segment, and no existing component of it may
 * be a symbolic link. Everything else is refused before the file system is touched for writing.
 */
public final class TransferRoot {
    private static final Pattern SEGMENT = Pattern.compile("[^/\\\\\\x00-\\x1f]{1,255}");

    private final Path root;

    public TransferRoot(Path root) throws IOException {
        Files.createDirectories(root);
        this.root = root.toRealPath();
    }

    public Path root() {
        return root;
    }

    /**
     * @param path  the client's path; "." or "" names the root itself
     * @throws PathRefusedException for an absolute path, traversal, a malformed segment or a symlink
     */
    public Path resolve(String path) throws PathRefusedException, IOException {
        if (path.isEmpty() || path.equals(".")) {
            return root;
        }
        if (path.startsWith("/") || path.startsWith("\\") || path.matches("^[A-Za-z]:.*")) {
            throw new PathRefusedException("absolute path '" + path + "' refused: paths are relative to your transfer root");
        }
        Path p = root;
        for (String segment : path.split("/", -1)) {
            if (segment.equals("..") || segment.equals(".")) {
                throw new PathRefusedException("'" + segment + "' in '" + path + "' refused: no traversal");
            }
            if (!SEGMENT.matcher(segment).matches()) {
                throw new PathRefusedException("malformed path '" + path + "'");
            }
            p = p.resolve(segment);
            if (Files.isSymbolicLink(p)) {
                throw new PathRefusedException("'" + root.relativize(p) + "' is a symbolic link: refused");
            }
        }
        if (!p.normalize().startsWith(root)) {
            throw new PathRefusedException("'" + path + "' leaves the transfer root");
        }
        return p;
    }

    static boolean isRegularFile(Path p) {
        return Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS);
    }

    /** A path the confinement rules refuse. */
    public static final class PathRefusedException extends Exception {
        private static final long serialVersionUID = 1L;

        public PathRefusedException(String message) {
            super(message);
        }
    }
}
