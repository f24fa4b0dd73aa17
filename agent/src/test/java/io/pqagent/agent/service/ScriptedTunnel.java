package io.pqagent.agent.service;

import io.pqagent.qsmp.handshake.Mode;
import io.pqagent.qsmp.handshake.Role;
import io.pqagent.qsmp.session.RatchetKind;
import io.pqagent.qsmp.transport.Tunnel;
import io.pqagent.qsmp.transport.TunnelClosed;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * A tunnel without a network for {@link TunnelMux} tests: it records what is sent, runs posted work at
 * once on the caller's thread (the test is the event loop), and its writability is set by the test,
 * which then plays the transport's part by calling {@link #becomeWritable()}.
 */
final class ScriptedTunnel implements Tunnel {
    final List<byte[]> sent = new ArrayList<>();
    final CompletableFuture<TunnelClosed> closed = new CompletableFuture<>();
    boolean writable = true;
    int closeCalls;
    private Runnable writableListener;

    /** The transport's side: the buffer drained, so the listener runs. */
    void becomeWritable() {
        writable = true;
        if (writableListener != null) {
            writableListener.run();
        }
    }

    @Override
    public Mode mode() {
        return Mode.DUPLEX;
    }

    @Override
    public Role role() {
        return Role.CLIENT;
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return new InetSocketAddress("127.0.0.1", 1);
    }

    @Override
    public byte[] peerVerificationKey() {
        return new byte[0];
    }

    @Override
    public CompletableFuture<Void> send(byte[] message) {
        if (!isOpen()) {
            return CompletableFuture.failedFuture(new IllegalStateException("closed"));
        }
        sent.add(message);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> ratchet(RatchetKind kind) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<TunnelClosed> close() {
        closeCalls++;
        closed.complete(new TunnelClosed(null, "closed", false));
        return closed;
    }

    @Override
    public CompletableFuture<TunnelClosed> closeFuture() {
        return closed;
    }

    @Override
    public boolean isOpen() {
        return !closed.isDone();
    }

    @Override
    public boolean isWritable() {
        return isOpen() && writable;
    }

    @Override
    public void onWritable(Runnable listener) {
        writableListener = listener;
    }

    @Override
    public Executor executor() {
        return Runnable::run;
    }
}
