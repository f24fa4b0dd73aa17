package io.pqagent.agent.link;

import io.pqagent.qsmp.handshake.Mode;
import io.pqagent.qsmp.handshake.Role;
import io.pqagent.qsmp.session.RatchetKind;
import io.pqagent.qsmp.transport.Tunnel;
import io.pqagent.qsmp.transport.TunnelClosed;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongConsumer;

/** A tunnel that reports what is sent through it, so byte-triggered ratchets see both directions. */
final class CountingTunnel implements Tunnel {
    private final Tunnel tunnel;
    private final LongConsumer sent;

    CountingTunnel(Tunnel tunnel, LongConsumer sent) {
        this.tunnel = tunnel;
        this.sent = sent;
    }

    Tunnel unwrap() {
        return tunnel;
    }

    @Override
    public Mode mode() {
        return tunnel.mode();
    }

    @Override
    public Role role() {
        return tunnel.role();
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return tunnel.remoteAddress();
    }

    @Override
    public byte[] peerVerificationKey() {
        return tunnel.peerVerificationKey();
    }

    @Override
    public CompletableFuture<Void> send(byte[] message) {
        sent.accept(message.length);
        return tunnel.send(message);
    }

    @Override
    public CompletableFuture<Void> ratchet(RatchetKind kind) {
        return tunnel.ratchet(kind);
    }

    @Override
    public CompletableFuture<TunnelClosed> close() {
        return tunnel.close();
    }

    @Override
    public CompletableFuture<TunnelClosed> closeFuture() {
        return tunnel.closeFuture();
    }

    @Override
    public boolean isOpen() {
        return tunnel.isOpen();
    }

    @Override
    public boolean isWritable() {
        return tunnel.isWritable();
    }

    @Override
    public void onWritable(Runnable listener) {
        tunnel.onWritable(listener);
    }

    @Override
    public java.util.concurrent.Executor executor() {
        return tunnel.executor();
    }

    @Override
    public void setKeepAlive(java.time.Duration interval, java.time.Duration timeout) {
        tunnel.setKeepAlive(interval, timeout);
    }

    @Override
    public io.pqagent.qsmp.transport.KeepAliveStatus keepAliveStatus() {
        return tunnel.keepAliveStatus();
    }
}
