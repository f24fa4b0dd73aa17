package io.pqagent.adapters.dnp3.outstation;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serves an {@link Outstation} over plain TCP: a thread accepts, and each connection gets its own thread
 * and {@link OutstationLink}; all connections share the outstation (its data, events and selection).
 */
public final class Dnp3OutstationServer implements AutoCloseable {
    private final Outstation outstation;
    private final ServerSocket server;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();

    private Dnp3OutstationServer(Outstation outstation, ServerSocket server) {
        this.outstation = outstation;
        this.server = server;
    }

    /** Listens on {@code bind} (port 0 picks one) and serves until {@link #close()}. */
    public static Dnp3OutstationServer start(InetSocketAddress bind, Outstation outstation) throws IOException {
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(bind);
        Dnp3OutstationServer s = new Dnp3OutstationServer(outstation, server);
        Thread accept = new Thread(s::acceptLoop, "dnp3-outstation-" + server.getLocalPort());
        accept.setDaemon(true);
        accept.start();
        return s;
    }

    public int port() {
        return server.getLocalPort();
    }

    public Outstation outstation() {
        return outstation;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                s.setTcpNoDelay(true);
                connections.add(s);
                Thread t = new Thread(() -> serve(s), "dnp3-outstation-conn-" + s.getPort());
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket s) {
        OutstationLink link = new OutstationLink(outstation);
        byte[] buffer = new byte[4096];
        try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                byte[] reply = link.receive(buffer, 0, n);
                if (reply.length > 0) {
                    out.write(reply);
                    out.flush();
                }
            }
        } catch (SocketException closed) {
            // the master went away or we are closing
        } catch (IOException e) {
            // the connection ends; the outstation serves the next one
        } finally {
            connections.remove(s);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : connections) {
            s.close();
        }
    }
}
