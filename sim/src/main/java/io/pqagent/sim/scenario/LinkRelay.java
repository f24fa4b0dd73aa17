package io.pqagent.sim.scenario;

import io.pqagent.agent.plant.LocalPlant;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The "wire" between two sites: the dialing agent connects to this relay, which connects on to the
 * listening agent, so the runner can cut the link. A cut resets every relayed connection and refuses new
 * ones (accepts and closes at once, like a link that is down) until {@link #restore()}.
 */
final class LinkRelay implements AutoCloseable {
    private final ServerSocket server;
    private final InetSocketAddress target;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private volatile boolean cut;

    /** Listens on {@code bindHost} (a free port) and relays to {@code target}. */
    LinkRelay(String bindHost, InetSocketAddress target) throws IOException {
        this.target = target;
        server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getByName(bindHost), LocalPlant.freePort()), 50);
        Thread t = new Thread(this::accept, "link-relay-" + port());
        t.setDaemon(true);
        t.start();
    }

    int port() {
        return server.getLocalPort();
    }

    void cut() {
        cut = true;
        for (Socket s : sockets) {
            try {
                s.setSoLinger(true, 0); // RST, as a failing link would leave the peers with
                s.close();
            } catch (IOException ignored) {
                // already gone
            }
        }
        sockets.clear();
    }

    void restore() {
        cut = false;
    }

    private void accept() {
        while (!server.isClosed()) {
            Socket in;
            try {
                in = server.accept();
            } catch (IOException closed) {
                return;
            }
            if (cut) {
                close(in);
                continue;
            }
            Thread t = new Thread(() -> connect(in), "link-relay-conn");
            t.setDaemon(true);
            t.start();
        }
    }

    private void connect(Socket in) {
        Socket out = new Socket();
        try {
            in.setTcpNoDelay(true);
            out.setTcpNoDelay(true);
            out.connect(target, 5_000);
        } catch (IOException refused) {
            close(in);
            close(out);
            return;
        }
        sockets.add(in);
        sockets.add(out);
        if (cut) {
            cut();
            return;
        }
        Thread back = new Thread(() -> pump(out, in), "link-relay-back");
        back.setDaemon(true);
        back.start();
        pump(in, out);
    }

    private void pump(Socket from, Socket to) {
        byte[] buf = new byte[64 * 1024];
        try (InputStream i = from.getInputStream(); OutputStream o = to.getOutputStream()) {
            for (int n; (n = i.read(buf)) > 0; ) {
                o.write(buf, 0, n);
            }
        } catch (IOException gone) {
            // one side closed or the link was cut
        } finally {
            sockets.remove(from);
            sockets.remove(to);
            close(from);
            close(to);
        }
    }

    private static void close(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        cut();
    }
}
