package io.pqagent.agent.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback TCP relay between a dialer and its target that can stop reading from the dialer, as a peer
 * that stopped reading would. Its receive buffer is fixed and small, so what the dialer can push
 * into the kernel while paused is its own send buffer plus this one, nothing more.
 */
final class PausableRelay implements AutoCloseable {
    /** Set before accept so the kernel does not grow it (autotuning stops at an explicit size). */
    static final int RECEIVE_BUFFER = 64 * 1024;

    private final ServerSocket server;
    private final InetSocketAddress target;
    private final List<Socket> sockets = new ArrayList<>();
    /** Bytes read from the dialer's side. */
    final AtomicLong fromDialer = new AtomicLong();
    private volatile boolean paused;

    PausableRelay(InetSocketAddress target) throws IOException {
        this.target = target;
        server = new ServerSocket();
        server.setReceiveBufferSize(RECEIVE_BUFFER);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
        Thread acceptor = new Thread(this::acceptLoop, "relay-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
    }

    /** Stops (true) or resumes (false) reading what the dialer sends. */
    void pause(boolean stop) {
        synchronized (this) {
            paused = stop;
            notifyAll();
        }
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket dialer = server.accept();
                Socket upstream = new Socket();
                upstream.connect(target, 5_000);
                synchronized (sockets) {
                    sockets.add(dialer);
                    sockets.add(upstream);
                }
                pump(dialer.getInputStream(), upstream.getOutputStream(), true);
                pump(upstream.getInputStream(), dialer.getOutputStream(), false);
            } catch (IOException e) {
                return;
            }
        }
    }

    private void pump(InputStream in, OutputStream out, boolean fromDialerSide) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[16 * 1024];
            try {
                while (true) {
                    if (fromDialerSide) {
                        awaitResumed();
                    }
                    int n = in.read(buf);
                    if (n < 0) {
                        break;
                    }
                    if (fromDialerSide) {
                        fromDialer.addAndGet(n);
                    }
                    out.write(buf, 0, n);
                }
            } catch (IOException | InterruptedException e) {
                // one side went away: the other follows
            }
            try {
                out.close();
            } catch (IOException e) {
                // already closed
            }
        }, "relay-pump");
        t.setDaemon(true);
        t.start();
    }

    private synchronized void awaitResumed() throws InterruptedException {
        while (paused) {
            wait();
        }
    }

    @Override
    public void close() throws IOException {
        pause(false);
        server.close();
        synchronized (sockets) {
            for (Socket s : sockets) {
                s.close();
            }
        }
    }
}
