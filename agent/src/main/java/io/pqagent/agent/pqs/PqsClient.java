package io.pqagent.agent.pqs;

import io.pqagent.qsmp.handshake.HandshakeContext;
import io.pqagent.qsmp.keys.PublicKeyRecord;
import io.pqagent.qsmp.transport.QsmpNetwork;
import io.pqagent.qsmp.transport.TransportSettings;
import io.pqagent.qsmp.transport.Tunnel;
import io.pqagent.qsmp.transport.TunnelClosed;
import io.pqagent.qsmp.transport.TunnelHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The client side of a PQS session (docs/pqs.md §5). The Simplex handshake itself authenticates the server
 * against the pinned {@link PublicKeyRecord}: a server holding any other key fails it, and {@link #connect}
 * throws. Requests are sent one at a time and answered in order; not thread-safe.
 */
public final class PqsClient implements AutoCloseable {
    private final Tunnel tunnel;
    private final BlockingQueue<Object> inbox;
    private long nextId = 1;

    private PqsClient(Tunnel tunnel, BlockingQueue<Object> inbox) {
        this.tunnel = tunnel;
        this.inbox = inbox;
    }

    /**
     * @throws IOException when the server cannot be reached or does not prove the pinned key
     */
    public static PqsClient connect(QsmpNetwork network, PublicKeyRecord pinned, InetSocketAddress address,
            Duration timeout) throws IOException {
        BlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
        TunnelHandler handler = new TunnelHandler() {
            @Override
            public void onMessage(Tunnel t, byte[] message) {
                inbox.add(message);
            }

            @Override
            public void onClosed(Tunnel t, TunnelClosed why) {
                inbox.add(why);
            }
        };
        try {
            Tunnel tunnel = network.connectSimplex(HandshakeContext.defaults(pinned.parameterSet()), pinned, address,
                    TransportSettings.DEFAULTS.withHandshakeTimeout(timeout), handler)
                    .get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
            return new PqsClient(tunnel, inbox);
        } catch (ExecutionException e) {
            throw new IOException("PQS handshake with " + address + " failed (is the pinned server key right?): "
                    + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("PQS handshake with " + address + " timed out");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
    }

    public boolean isOpen() {
        return tunnel.isOpen();
    }

    /** Logs in; the passphrase array is wiped. */
    public PqsMessage.LoginResult login(String user, byte[] passphrase) throws PqsRemoteException {
        PqsMessage.Login login = new PqsMessage.Login(user, passphrase);
        Arrays.fill(passphrase, (byte) 0);
        send(login);
        login.wipe();
        PqsMessage m = next();
        if (m instanceof PqsMessage.LoginResult r) {
            return r;
        }
        throw unexpected(m);
    }

    /** Runs one command; output goes to {@code sink} as it arrives; returns the exit status. */
    public int run(String line, OutputSink sink) throws PqsRemoteException {
        long id = nextId++;
        send(new PqsMessage.Command(id, line));
        while (true) {
            PqsMessage m = next();
            if (m instanceof PqsMessage.Output o && o.id() == id) {
                sink.chunk(o.stream(), o.data());
            } else if (m instanceof PqsMessage.ExitStatus x && x.id() == id) {
                return x.status();
            } else {
                throw unexpected(m);
            }
        }
    }

    /** Downloads {@code remote} into {@code local}, checking size and SHA3-256; returns the bytes received. */
    public long get(String remote, Path local) throws PqsRemoteException, IOException {
        long id = nextId++;
        send(new PqsMessage.FileRequest(PqsMessageType.FILE_GET, id, remote));
        PqsMessage first = next();
        if (!(first instanceof PqsMessage.TransferStatus begin) || begin.state() != TransferState.BEGIN) {
            throw unexpected(first);
        }
        Path dir = local.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, ".pqs-get-", ".part");
        MessageDigest digest = PqsSession.sha3();
        long received = 0;
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                while (true) {
                    PqsMessage m = next();
                    if (m instanceof PqsMessage.TransferData d && d.id() == id && d.offset() == received) {
                        byte[] data = d.data();
                        if (received + data.length > begin.size()) {
                            throw new PqsRemoteException(PqsErrorCode.MALFORMED, "the server sent more than it announced");
                        }
                        out.write(data);
                        digest.update(data);
                        received += data.length;
                    } else if (m instanceof PqsMessage.TransferStatus end && end.id() == id) {
                        if (end.state() != TransferState.DONE) {
                            throw new PqsRemoteException(PqsErrorCode.IO, "download failed: " + end.text());
                        }
                        break;
                    } else {
                        throw unexpected(m);
                    }
                }
            }
            byte[] actual = digest.digest();
            if (received != begin.size() || !MessageDigest.isEqual(actual, begin.sha3())) {
                throw new PqsRemoteException(PqsErrorCode.IO, "SHA3-256 or size of the received " + remote
                        + " differs from what the server announced: not saved");
            }
            Files.move(tmp, local, StandardCopyOption.REPLACE_EXISTING);
            return received;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Uploads {@code local} to {@code remote}; the server checks size and SHA3-256 before keeping it. */
    public long put(Path local, String remote) throws PqsRemoteException, IOException {
        long size = Files.size(local);
        MessageDigest digest = PqsSession.sha3();
        try (InputStream in = Files.newInputStream(local)) {
            byte[] buf = new byte[PqsLimits.MAX_CHUNK];
            int n;
            while ((n = in.read(buf)) > 0) {
                digest.update(buf, 0, n);
            }
        }
        long id = nextId++;
        send(new PqsMessage.FilePut(id, remote, size, digest.digest()));
        PqsMessage first = next();
        if (!(first instanceof PqsMessage.TransferStatus begin) || begin.state() != TransferState.BEGIN) {
            throw unexpected(first);
        }
        long offset = 0;
        if (size > 0) {
            try (InputStream in = Files.newInputStream(local)) {
                byte[] buf = new byte[PqsLimits.MAX_CHUNK];
                int n;
                while (offset < size && (n = in.readNBytes(buf, 0, (int) Math.min(buf.length, size - offset))) > 0) {
                    send(new PqsMessage.TransferData(id, offset, Arrays.copyOf(buf, n)));
                    offset += n;
                }
            }
        }
        PqsMessage last = next();
        if (last instanceof PqsMessage.TransferStatus end && end.id() == id) {
            if (end.state() != TransferState.DONE) {
                throw new PqsRemoteException(PqsErrorCode.IO, "upload refused: " + end.text());
            }
            return offset;
        }
        throw unexpected(last);
    }

    /** ls, mkdir or rm: returns the server's text (the listing for ls). */
    public String file(PqsMessageType op, String remote) throws PqsRemoteException {
        long id = nextId++;
        send(new PqsMessage.FileRequest(op, id, remote));
        PqsMessage m = next();
        if (m instanceof PqsMessage.TransferStatus s && s.id() == id && s.state() == TransferState.DONE) {
            return s.text();
        }
        throw unexpected(m);
    }

    /** Sends DISCONNECT and closes the tunnel. */
    @Override
    public void close() {
        if (tunnel.isOpen()) {
            send(new PqsMessage.Disconnect("client done"));
            tunnel.close().orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null).join();
        }
    }

    private void send(PqsMessage m) {
        try {
            tunnel.send(PqsCodec.encode(m)).join();
        } catch (RuntimeException e) {
            // a closed tunnel: the next read reports it
        }
    }

    private PqsMessage next() throws PqsRemoteException {
        Object o;
        try {
            o = inbox.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PqsRemoteException(null, "interrupted");
        }
        if (o instanceof byte[] bytes) {
            try {
                return PqsCodec.decode(bytes);
            } catch (PqsFormatException e) {
                throw new PqsRemoteException(PqsErrorCode.MALFORMED, "the server sent a malformed message: " + e.getMessage());
            }
        }
        inbox.add(o); // the end of the session: every later read sees it too
        throw new PqsRemoteException(null, "the session ended: " + o);
    }

    private static PqsRemoteException unexpected(PqsMessage m) {
        if (m instanceof PqsMessage.Error e) {
            return new PqsRemoteException(e.code(), e.text());
        }
        if (m instanceof PqsMessage.Disconnect d) {
            return new PqsRemoteException(null, "the server disconnected: " + d.reason());
        }
        return new PqsRemoteException(PqsErrorCode.MALFORMED, "unexpected " + m.type() + " from the server");
    }
}
