package io.pqagent.agent.pqs;

import io.pqagent.qsmp.transport.Tunnel;
import io.pqagent.qsmp.transport.TunnelClosed;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One PQS session on one Simplex tunnel (docs/pqs.md §2-§6): LOGIN first (one attempt per connection),
 * then commands and file requests, handled one at a time in arrival order on the session's worker thread.
 */
final class PqsSession {
    private final Tunnel tunnel;
    private final PqsUsers users;
    private final PqsServerSettings settings;
    private final PqsDiagnostics diagnostics;
    private final PqsAudit audit;
    private final ExecutorService worker;
    private final String remote;

    private PqsUser user;
    private TransferRoot files;
    private Upload upload;

    PqsSession(Tunnel tunnel, PqsUsers users, PqsServerSettings settings, PqsDiagnostics diagnostics, PqsAudit audit) {
        this.tunnel = tunnel;
        this.users = users;
        this.settings = settings;
        this.diagnostics = diagnostics;
        this.audit = audit;
        this.remote = String.valueOf(tunnel.remoteAddress());
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "pqs-session-" + remote);
            t.setDaemon(true);
            return t;
        });
    }

    void receive(byte[] bytes) {
        worker.execute(() -> {
            try {
                handle(PqsCodec.decode(bytes));
            } catch (PqsFormatException e) {
                audit("pqs.malformed", Map.of("reason", e.getMessage()));
                send(new PqsMessage.Error(0, PqsErrorCode.MALFORMED, e.getMessage()));
                tunnel.close();
            } catch (RuntimeException e) {
                send(new PqsMessage.Error(0, PqsErrorCode.INTERNAL, "internal error: " + e.getClass().getSimpleName()));
                tunnel.close();
            }
        });
    }

    void closed(TunnelClosed why) {
        worker.execute(() -> {
            abortUpload("session closed");
            if (user != null) {
                audit("pqs.logout", Map.of("reason", String.valueOf(why)));
            }
        });
        worker.shutdown();
    }

    private void handle(PqsMessage m) {
        if (m instanceof PqsMessage.Login login) {
            login(login);
            return;
        }
        if (m instanceof PqsMessage.Disconnect) {
            tunnel.close();
            return;
        }
        if (user == null) {
            send(new PqsMessage.Error(0, PqsErrorCode.NOT_LOGGED_IN, "log in first"));
            tunnel.close();
            return;
        }
        if (m instanceof PqsMessage.Command c) {
            command(c);
        } else if (m instanceof PqsMessage.FileRequest f) {
            file(f);
        } else if (m instanceof PqsMessage.FilePut p) {
            putBegin(p);
        } else if (m instanceof PqsMessage.TransferData d) {
            putData(d);
        } else {
            send(new PqsMessage.Error(0, PqsErrorCode.MALFORMED, m.type() + " is not sent by a client"));
        }
    }

    private void login(PqsMessage.Login login) {
        if (user != null) {
            send(new PqsMessage.Error(0, PqsErrorCode.MALFORMED, "already logged in as " + user.name()));
            return;
        }
        byte[] passphrase = login.passphrase();
        LoginDecision d;
        try {
            d = users.login(login.user(), passphrase);
        } catch (PqsUsersException e) {
            audit("pqs.login", Map.of("user", login.user(), "outcome", "error", "reason", e.getMessage()));
            send(new PqsMessage.Error(0, PqsErrorCode.INTERNAL, "the users file cannot be updated"));
            tunnel.close();
            return;
        } finally {
            java.util.Arrays.fill(passphrase, (byte) 0);
            login.wipe();
        }
        audit("pqs.login", Map.of("user", login.user(), "outcome", d.outcome().name().toLowerCase()));
        if (!d.accepted()) {
            String text = d.outcome() == LoginOutcome.LOCKED ? "account locked: ask an operator to unlock it"
                    : "login refused";
            send(new PqsMessage.LoginResult(d.outcome(), 0, text));
            tunnel.close(); // one attempt per connection: a guesser pays a handshake for each
            return;
        }
        try {
            files = new TransferRoot(settings.userRoot(d.user().name()));
        } catch (IOException e) {
            send(new PqsMessage.Error(0, PqsErrorCode.IO, "cannot prepare your directory: " + e.getMessage()));
            tunnel.close();
            return;
        }
        user = d.user();
        send(new PqsMessage.LoginResult(LoginOutcome.ACCEPTED, user.privilege(),
                "logged in as " + user.name() + " (" + user.policy().text() + ")"));
    }

    private void command(PqsMessage.Command c) {
        CommandDecision d = CommandPolicy.decide(user, c.line());
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("user", user.name());
        fields.put("id", c.id());
        fields.put("line", c.line());
        if (d instanceof CommandDecision.Refused r) {
            fields.put("outcome", "refused");
            fields.put("reason", r.reason());
            audit("pqs.command", fields);
            send(new PqsMessage.Error(c.id(), r.code(), r.reason()));
            return;
        }
        if (d instanceof CommandDecision.RunBuiltin b) {
            String text;
            int status = 0;
            try {
                text = b.builtin() == Builtin.HELP ? help() : diagnostics.answer(b.builtin(), b.args());
            } catch (Exception e) {
                text = b.builtin().verb() + ": " + e.getMessage() + "\n";
                status = 1;
            }
            fields.put("outcome", "builtin");
            fields.put("status", status);
            audit("pqs.command", fields);
            byte[] out = text.getBytes(StandardCharsets.UTF_8);
            for (int off = 0; off < out.length; off += PqsLimits.MAX_CHUNK) {
                int n = Math.min(PqsLimits.MAX_CHUNK, out.length - off);
                send(new PqsMessage.Output(c.id(), status == 0 ? 1 : 2, java.util.Arrays.copyOfRange(out, off, off + n)));
            }
            send(new PqsMessage.ExitStatus(c.id(), status));
            return;
        }
        List<String> argv = ((CommandDecision.RunProcess) d).argv();
        int status;
        try {
            status = new ProcessRunner(files.root(), settings.commandTimeout()).run(argv,
                    (stream, data) -> send(new PqsMessage.Output(c.id(), stream, data)), () -> !tunnel.isOpen());
        } catch (IOException e) {
            fields.put("outcome", "failed");
            fields.put("reason", e.getMessage());
            audit("pqs.command", fields);
            send(new PqsMessage.Error(c.id(), PqsErrorCode.NOT_FOUND, "cannot run " + argv.get(0) + ": " + e.getMessage()));
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        fields.put("outcome", status == ProcessRunner.TIMED_OUT ? "timeout"
                : status == ProcessRunner.CANCELLED ? "cancelled" : "exit");
        fields.put("status", status);
        audit("pqs.command", fields);
        send(new PqsMessage.ExitStatus(c.id(), status));
    }

    private String help() {
        StringBuilder b = new StringBuilder("built-in commands:\n");
        for (Builtin x : Builtin.values()) {
            if (user.privilege() >= x.minPrivilege()) {
                b.append(String.format("  %-13s %s%n", x.verb(), x.summary()));
            }
        }
        b.append("policy: ").append(user.policy().text());
        if (user.policy() == ShellPolicy.RESTRICTED) {
            b.append(" (").append(String.join(", ", user.allowedVerbs())).append(')');
        }
        return b.append('\n').toString();
    }

    private void file(PqsMessage.FileRequest f) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("user", user.name());
        fields.put("op", f.type().name().substring(5).toLowerCase());
        fields.put("path", f.path());
        try {
            Path p = files.resolve(f.path());
            switch (f.type()) {
                case FILE_GET -> get(f.id(), p, fields);
                case FILE_LS -> send(new PqsMessage.TransferStatus(f.id(), TransferState.DONE, 0, new byte[32], list(p)));
                case FILE_MKDIR -> {
                    Files.createDirectory(p);
                    send(new PqsMessage.TransferStatus(f.id(), TransferState.DONE, 0, new byte[32], "created"));
                }
                case FILE_RM -> {
                    Files.delete(p);
                    send(new PqsMessage.TransferStatus(f.id(), TransferState.DONE, 0, new byte[32], "removed"));
                }
                default -> throw new IllegalStateException(f.type().name());
            }
            fields.putIfAbsent("outcome", "done");
        } catch (TransferRoot.PathRefusedException e) {
            fields.put("outcome", "refused");
            fields.put("reason", e.getMessage());
            send(new PqsMessage.Error(f.id(), PqsErrorCode.PATH_REFUSED, e.getMessage()));
        } catch (NoSuchFileException e) {
            fields.put("outcome", "not-found");
            send(new PqsMessage.Error(f.id(), PqsErrorCode.NOT_FOUND, "no such file or directory: " + f.path()));
        } catch (IOException e) {
            fields.put("outcome", "failed");
            fields.put("reason", String.valueOf(e.getMessage()));
            send(new PqsMessage.Error(f.id(), PqsErrorCode.IO, f.path() + ": " + e));
        }
        audit("pqs.file", fields);
    }

    private void get(long id, Path p, Map<String, Object> fields) throws IOException {
        if (!TransferRoot.isRegularFile(p)) {
            throw new NoSuchFileException(p.toString());
        }
        // hash first, so that the client knows what to expect before a byte arrives
        byte[] hash;
        long size = 0;
        MessageDigest digest = sha3();
        try (InputStream in = Files.newInputStream(p, LinkOption.NOFOLLOW_LINKS)) {
            byte[] buf = new byte[PqsLimits.MAX_CHUNK];
            int n;
            while ((n = in.read(buf)) > 0) {
                digest.update(buf, 0, n);
                size += n;
            }
        }
        hash = digest.digest();
        send(new PqsMessage.TransferStatus(id, TransferState.BEGIN, size, hash, ""));
        MessageDigest sent = sha3();
        long offset = 0;
        try (InputStream in = Files.newInputStream(p, LinkOption.NOFOLLOW_LINKS)) {
            byte[] buf = new byte[PqsLimits.MAX_CHUNK];
            int n;
            while (offset < size && (n = in.readNBytes(buf, 0, (int) Math.min(buf.length, size - offset))) > 0) {
                sent.update(buf, 0, n);
                send(new PqsMessage.TransferData(id, offset, java.util.Arrays.copyOf(buf, n)));
                offset += n;
            }
        }
        boolean same = offset == size && MessageDigest.isEqual(sent.digest(), hash);
        send(new PqsMessage.TransferStatus(id, same ? TransferState.DONE : TransferState.HASH_MISMATCH, offset, hash,
                same ? "" : "the file changed while it was sent"));
        fields.put("bytes", offset);
        fields.put("outcome", same ? "done" : "changed");
    }

    private String list(Path dir) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new NoSuchFileException(dir.toString());
        }
        List<String> lines = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path e : entries) {
                String name = e.getFileName().toString();
                if (Files.isSymbolicLink(e)) {
                    lines.add("l " + name);
                } else if (Files.isDirectory(e, LinkOption.NOFOLLOW_LINKS)) {
                    lines.add("d " + name + "/");
                } else {
                    lines.add("f " + Files.size(e) + " " + name);
                }
                if (lines.size() > 1000) {
                    lines.add("... (more than 1000 entries)");
                    break;
                }
            }
        }
        Collections.sort(lines);
        String text = String.join("\n", lines);
        byte[] u = text.getBytes(StandardCharsets.UTF_8);
        return u.length <= PqsLimits.MAX_TEXT ? text
                : new String(u, 0, PqsLimits.MAX_TEXT - 64, StandardCharsets.UTF_8) + "\n... (truncated)";
    }

    private void putBegin(PqsMessage.FilePut put) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("user", user.name());
        fields.put("op", "put");
        fields.put("path", put.path());
        fields.put("size", put.size());
        if (upload != null) {
            send(new PqsMessage.Error(put.id(), PqsErrorCode.MALFORMED, "an upload is already in progress"));
            return;
        }
        try {
            Path target = files.resolve(put.path());
            if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                throw new TransferRoot.PathRefusedException("'" + put.path() + "' is a directory");
            }
            Path tmp = Files.createTempFile(target.getParent(), ".pqs-upload-", ".part");
            upload = new Upload(put, target, tmp, Files.newOutputStream(tmp, StandardOpenOption.WRITE), sha3(), fields);
            send(new PqsMessage.TransferStatus(put.id(), TransferState.BEGIN, put.size(), put.sha3(), ""));
            if (put.size() == 0) {
                finishUpload();
            }
        } catch (TransferRoot.PathRefusedException e) {
            fields.put("outcome", "refused");
            fields.put("reason", e.getMessage());
            audit("pqs.file", fields);
            send(new PqsMessage.Error(put.id(), PqsErrorCode.PATH_REFUSED, e.getMessage()));
        } catch (IOException e) {
            fields.put("outcome", "failed");
            audit("pqs.file", fields);
            send(new PqsMessage.Error(put.id(), PqsErrorCode.IO, put.path() + ": " + e));
        }
    }

    private void putData(PqsMessage.TransferData d) {
        Upload u = upload;
        if (u == null || u.put.id() != d.id()) {
            send(new PqsMessage.Error(d.id(), PqsErrorCode.MALFORMED, "no upload with id " + d.id()));
            return;
        }
        byte[] data = d.data();
        if (d.offset() != u.received || u.received + data.length > u.put.size()) {
            abortUpload("out of order or beyond the announced size");
            send(new PqsMessage.Error(d.id(), PqsErrorCode.MALFORMED,
                    "chunk at " + d.offset() + " of " + data.length + " bytes does not follow " + u.received
                            + " of " + u.put.size()));
            return;
        }
        try {
            u.out.write(data);
            u.digest.update(data);
            u.received += data.length;
            if (u.received == u.put.size()) {
                finishUpload();
            }
        } catch (IOException e) {
            abortUpload(e.getMessage());
            send(new PqsMessage.Error(d.id(), PqsErrorCode.IO, "write failed: " + e.getMessage()));
        }
    }

    private void finishUpload() throws IOException {
        Upload u = upload;
        upload = null;
        u.out.close();
        byte[] actual = u.digest.digest();
        if (!MessageDigest.isEqual(actual, u.put.sha3())) {
            Files.deleteIfExists(u.tmp);
            u.fields.put("outcome", "hash-mismatch");
            audit("pqs.file", u.fields);
            send(new PqsMessage.TransferStatus(u.put.id(), TransferState.HASH_MISMATCH, u.received, actual,
                    "SHA3-256 differs from the announced one: nothing was written"));
            return;
        }
        Files.move(u.tmp, u.target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        u.fields.put("outcome", "done");
        audit("pqs.file", u.fields);
        send(new PqsMessage.TransferStatus(u.put.id(), TransferState.DONE, u.received, actual, ""));
    }

    private void abortUpload(String reason) {
        Upload u = upload;
        if (u == null) {
            return;
        }
        upload = null;
        try {
            u.out.close();
            Files.deleteIfExists(u.tmp);
        } catch (IOException ignored) {
            // the temporary file stays behind, hidden; nothing else was touched
        }
        u.fields.put("outcome", "aborted");
        u.fields.put("reason", reason);
        audit("pqs.file", u.fields);
    }

    private void send(PqsMessage m) {
        if (!tunnel.isOpen()) {
            return;
        }
        try {
            tunnel.send(PqsCodec.encode(m)).join(); // wait for the write: a slow client slows its own session only
        } catch (RuntimeException closing) {
            // the tunnel closed under us; onClosed follows
        }
    }

    private void audit(String event, Map<String, ?> fields) {
        Map<String, Object> all = new LinkedHashMap<>(fields);
        all.put("remote", remote);
        audit.record(event, all);
    }

    static MessageDigest sha3() {
        try {
            return MessageDigest.getInstance("SHA3-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA3-256", e);
        }
    }

    private static final class Upload {
        final PqsMessage.FilePut put;
        final Path target;
        final Path tmp;
        final OutputStream out;
        final MessageDigest digest;
        final Map<String, Object> fields;
        long received;

        Upload(PqsMessage.FilePut put, Path target, Path tmp, OutputStream out, MessageDigest digest,
                Map<String, Object> fields) {
            this.put = put;
            this.target = target;
            this.tmp = tmp;
            this.out = out;
            this.digest = digest;
            this.fields = fields;
        }
    }
}
