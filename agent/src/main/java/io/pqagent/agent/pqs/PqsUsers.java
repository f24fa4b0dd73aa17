package io.pqagent.agent.pqs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pqagent.keystore.Argon2Cost;
import io.pqagent.qsmp.keys.AtomicFile;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The PQS users file (docs/pqs.md §3): JSON, owner-only (0600; a file readable by others is refused),
 * replaced atomically on every change, failed-login counts included so that a lockout survives a restart.
 * An account is locked once its failures reach {@code max-failures}; only {@link #unlock} clears it.
 * Thread-safe: the server's sessions share one instance.
 */
public final class PqsUsers {
    public static final String FORMAT = "pqs-users/1";
    public static final int DEFAULT_MAX_FAILURES = 5;
    /** The users file's name inside the agent's identity directory. */
    public static final String FILE_NAME = "pqs-users.json";
    static final int MAX_FILE_BYTES = 1 << 20;
    static final int MAX_USERS = 1000;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    /** One holder at a time in this JVM: FileLock is per process, and overlapping locks in one JVM throw. */
    private static final ReentrantLock PROCESS_LOCK = new ReentrantLock();

    private int maxFailures;
    private final Map<String, PqsUser> users;

    private PqsUsers(Path file, int maxFailures, Map<String, PqsUser> users) {
        this.file = file;
        this.maxFailures = maxFailures;
        this.users = users;
    }

    /** Reads {@code file}, or starts an empty set of users (written on the first change) when it does not exist. */
    public static PqsUsers open(Path file) throws PqsUsersException {
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new PqsUsersException(file + " is larger than " + MAX_FILE_BYTES + " bytes");
            }
            checkOwnerOnly(file);
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException missing) {
            return new PqsUsers(file, DEFAULT_MAX_FAILURES, new LinkedHashMap<>());
        } catch (IOException e) {
            throw new PqsUsersException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return parse(file, bytes);
    }

    /** An empty set of users with a chosen lockout threshold (tests and {@code pqs user add} on a new file). */
    public static PqsUsers create(Path file, int maxFailures) {
        if (maxFailures < 1 || maxFailures > 1000) {
            throw new IllegalArgumentException("max-failures " + maxFailures + " is outside 1..1000");
        }
        return new PqsUsers(file, maxFailures, new LinkedHashMap<>());
    }

    public Path file() {
        return file;
    }

    public synchronized int maxFailures() {
        return maxFailures;
    }

    public List<PqsUser> list() throws PqsUsersException {
        return underLock(() -> List.copyOf(users.values()));
    }

    public PqsUser find(String name) throws PqsUsersException {
        return underLock(() -> users.get(name));
    }

    public boolean locked(String name) throws PqsUsersException {
        return underLock(() -> {
            PqsUser u = users.get(name);
            return u != null && u.failures() >= maxFailures;
        });
    }

    /** Adds or replaces an account (a replaced account starts unlocked) and saves the file. */
    public void put(PqsUser user) throws PqsUsersException {
        underLock(() -> {
            if (!users.containsKey(user.name()) && users.size() >= MAX_USERS) {
                throw new PqsUsersException("the users file already holds " + MAX_USERS + " users");
            }
            Map<String, PqsUser> next = new LinkedHashMap<>(users);
            next.put(user.name(), user.withFailures(0));
            save(next);
            return null;
        });
    }

    /** Removes an account and saves; false when there was none of that name. */
    public boolean remove(String name) throws PqsUsersException {
        return underLock(() -> {
            if (!users.containsKey(name)) {
                return false;
            }
            Map<String, PqsUser> next = new LinkedHashMap<>(users);
            next.remove(name);
            save(next);
            return true;
        });
    }

    /** Clears the failure count of an account and saves; false when there was none of that name. */
    public boolean unlock(String name) throws PqsUsersException {
        return underLock(() -> {
            PqsUser u = users.get(name);
            if (u == null) {
                return false;
            }
            Map<String, PqsUser> next = new LinkedHashMap<>(users);
            next.put(name, u.withFailures(0));
            save(next);
            return true;
        });
    }

    /**
     * One login attempt. A locked account is refused without checking the passphrase (so a locked account
     * gives no oracle); a wrong passphrase counts a failure, persisted before the answer; a right one
     * clears the count. Unknown names and wrong passphrases are both DENIED.
     */
    public LoginDecision login(String name, byte[] passphrase) throws PqsUsersException {
        return underLock(() -> {
            PqsUser u = users.get(name);
            if (u == null) {
                // spend what a known name costs, on some account's verifier, so names cannot be probed by timing
                users.values().stream().findFirst().ifPresent(any -> any.verifier().matches(passphrase));
                return new LoginDecision(LoginOutcome.DENIED, null);
            }
            if (u.failures() >= maxFailures) {
                return new LoginDecision(LoginOutcome.LOCKED, null);
            }
            if (u.verifier().matches(passphrase)) {
                if (u.failures() != 0) {
                    Map<String, PqsUser> next = new LinkedHashMap<>(users);
                    next.put(name, u.withFailures(0));
                    save(next);
                }
                return new LoginDecision(LoginOutcome.ACCEPTED, users.get(name));
            }
            Map<String, PqsUser> next = new LinkedHashMap<>(users);
            PqsUser failed = u.withFailures(u.failures() + 1);
            next.put(name, failed);
            save(next);
            return new LoginDecision(failed.failures() >= maxFailures ? LoginOutcome.LOCKED : LoginOutcome.DENIED, null);
        });
    }

    /** One step under the lock, on the file as it is now. */
    private interface Step<T> {
        T run() throws PqsUsersException;
    }

    /**
     * Runs {@code step} holding this JVM's lock and an exclusive lock on {@code FILE.lock}, after re-reading
     * the file: the running agent (failed-login counts) and {@code qsmp-agent pqs user} (accounts) both
     * change it, and neither may write back a stale copy over the other's change.
     */
    private synchronized <T> T underLock(Step<T> step) throws PqsUsersException {
        PROCESS_LOCK.lock();
        Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock ignored = ch.lock()) {
                refresh();
                return step.run();
            }
        } catch (IOException e) {
            throw new PqsUsersException("cannot lock " + lockFile + ": " + e.getMessage(), e);
        } finally {
            PROCESS_LOCK.unlock();
        }
    }

    /** Takes the file's current content, when there is a file (before the first save there is none). */
    private void refresh() throws PqsUsersException {
        byte[] bytes;
        try {
            if (!Files.exists(file)) {
                return;
            }
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new PqsUsersException(file + " is larger than " + MAX_FILE_BYTES + " bytes");
            }
            checkOwnerOnly(file);
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new PqsUsersException("cannot read " + file + ": " + e.getMessage(), e);
        }
        PqsUsers current = parse(file, bytes);
        maxFailures = current.maxFailures;
        users.clear();
        users.putAll(current.users);
    }

    private void save(Map<String, PqsUser> next) throws PqsUsersException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("max-failures", maxFailures);
        ArrayNode list = root.putArray("users");
        Base64.Encoder b64 = Base64.getEncoder();
        for (PqsUser u : next.values()) {
            ObjectNode n = list.addObject();
            n.put("name", u.name());
            n.put("privilege", u.privilege());
            n.put("policy", u.policy().text());
            ArrayNode verbs = n.putArray("allow");
            u.allowedVerbs().forEach(verbs::add);
            if (u.forcedCommand() != null) {
                n.put("forced-command", u.forcedCommand());
            }
            n.put("failures", u.failures());
            ObjectNode argon = n.putObject("argon2id");
            argon.put("memory-kib", u.verifier().cost().memoryKiB());
            argon.put("iterations", u.verifier().cost().iterations());
            argon.put("lanes", u.verifier().cost().parallelism());
            n.put("salt", b64.encodeToString(u.verifier().salt()));
            n.put("verifier", b64.encodeToString(u.verifier().hash()));
        }
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            AtomicFile.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root), OWNER_ONLY);
        } catch (IOException e) {
            throw new PqsUsersException("cannot write " + file + ": " + e.getMessage(), e);
        }
        users.clear();
        users.putAll(next);
    }

    private static void checkOwnerOnly(Path file) throws IOException, PqsUsersException {
        if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
        for (PosixFilePermission p : perms) {
            if (!OWNER_ONLY.contains(p)) {
                throw new PqsUsersException(file + " is accessible to others (" + PosixFilePermissions.toString(perms)
                        + "); chmod 600 it");
            }
        }
    }

    private static PqsUsers parse(Path file, byte[] bytes) throws PqsUsersException {
        try {
            JsonNode root = JSON.readTree(bytes);
            if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText())) {
                throw new PqsUsersException(file + " is not a " + FORMAT + " file");
            }
            int maxFailures = integer(root, "max-failures", file);
            if (maxFailures < 1 || maxFailures > 1000) {
                throw new PqsUsersException(file + ": max-failures " + maxFailures + " is outside 1..1000");
            }
            JsonNode list = root.path("users");
            if (!list.isArray() || list.size() > MAX_USERS) {
                throw new PqsUsersException(file + ": users must be a list of at most " + MAX_USERS);
            }
            Map<String, PqsUser> users = new LinkedHashMap<>();
            for (JsonNode n : list) {
                PqsUser u = user(n, file);
                if (users.put(u.name(), u) != null) {
                    throw new PqsUsersException(file + ": user " + u.name() + " appears twice");
                }
            }
            return new PqsUsers(file, maxFailures, users);
        } catch (IOException e) {
            throw new PqsUsersException(file + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    private static PqsUser user(JsonNode n, Path file) throws PqsUsersException {
        String name = n.path("name").asText("?");
        try {
            JsonNode argon = n.path("argon2id");
            Argon2Cost cost = new Argon2Cost(integer(argon, "memory-kib", file), integer(argon, "iterations", file),
                    integer(argon, "lanes", file));
            Base64.Decoder b64 = Base64.getDecoder();
            PassphraseVerifier verifier = new PassphraseVerifier(b64.decode(text(n, "salt", file)), cost,
                    b64.decode(text(n, "verifier", file)));
            List<String> verbs = new ArrayList<>();
            for (JsonNode v : n.path("allow")) {
                verbs.add(v.asText());
            }
            JsonNode forced = n.get("forced-command");
            return new PqsUser(text(n, "name", file), integer(n, "privilege", file),
                    ShellPolicy.parse(text(n, "policy", file)), verbs, forced == null ? null : forced.asText(),
                    verifier, integer(n, "failures", file));
        } catch (IllegalArgumentException e) {
            throw new PqsUsersException(file + ": user " + name + ": " + e.getMessage(), e);
        }
    }

    private static int integer(JsonNode n, String field, Path file) throws PqsUsersException {
        JsonNode v = n.get(field);
        if (v == null || !v.canConvertToInt() || !v.isIntegralNumber()) {
            throw new PqsUsersException(file + ": " + field + " must be an integer");
        }
        return v.intValue();
    }

    private static String text(JsonNode n, String field, Path file) throws PqsUsersException {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new PqsUsersException(file + ": " + field + " must be a string");
        }
        return v.asText();
    }
}
