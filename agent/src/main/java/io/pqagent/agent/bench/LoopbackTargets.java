package io.pqagent.agent.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bench's targets on loopback: an echo server (the "PLC" answering each request) and a sink that
 * counts what it received, so bulk throughput is measured when the bytes arrive, not when they were
 * handed to a socket buffer.
 */
final class LoopbackTargets implements AutoCloseable {
    private final ServerSocket echo;
    private final ServerSocket sink;
    private final AtomicLong sunk = new AtomicLong();

    LoopbackTargets() throws IOException {
        echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        sink = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        accept(echo, this::echo);
        accept(sink, this::sink);
    }

    int echoPort() {
        return echo.getLocalPort();
    }

    int sinkPort() {
        return sink.getLocalPort();
    }

    long sunk() {
        return sunk.get();
    }

    private interface Serve {
        void serve(Socket s) throws IOException;
    }

    private static void accept(ServerSocket server, Serve serve) {
        Thread t = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    s.setTcpNoDelay(true);
                    Thread c = new Thread(() -> {
                        try (s) {
                            serve.serve(s);
                        } catch (IOException gone) {
                            // the client closed its end
                        }
                    }, "bench-target");
                    c.setDaemon(true);
                    c.start();
                } catch (IOException closed) {
                    return;
                }
            }
        }, "bench-accept");
        t.setDaemon(true);
        t.start();
    }

    private void echo(Socket s) throws IOException {
        s.getInputStream().transferTo(s.getOutputStream());
    }

    private void sink(Socket s) throws IOException {
        byte[] buf = new byte[64 * 1024];
        InputStream in = s.getInputStream();
        for (int n; (n = in.read(buf)) > 0; ) {
            sunk.addAndGet(n);
        }
    }

    @Override
    public void close() throws IOException {
        echo.close();
        sink.close();
    }
}
