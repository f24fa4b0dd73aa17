package io.pqagent.agent.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Loopback helpers the agent tests share: free ports and simple TCP targets. */
public final class Loopback {
    private Loopback() {
    }

    /**
     * A free port below Linux's ephemeral range (32768+). A listener that goes down and comes back must
     * find its port free: a dialer's failed connects pick ephemeral ports, and one landing on the
     * listener's own port would self-connect and hold it.
     */
    public static int freePortBelowEphemeralRange() throws IOException {
        for (int port = 20_000 + new Random().nextInt(5_000); port < 32_000; port++) {
            try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return port;
            } catch (IOException busy) {
                // next
            }
        }
        throw new IOException("no free port in 20000..32000");
    }

    /** Serves {@code server} on a daemon thread: echo each connection back, or (echo false) never read. */
    public static void serve(ServerSocket server, boolean echo) {
        Thread t = new Thread(() -> {
            List<Socket> held = new ArrayList<>();
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    if (!echo) {
                        held.add(s); // a sink: accepted, never read
                        continue;
                    }
                    Thread c = new Thread(() -> {
                        try (s) {
                            s.getInputStream().transferTo(s.getOutputStream());
                        } catch (IOException e) {
                            // the client went away
                        }
                    });
                    c.setDaemon(true);
                    c.start();
                } catch (IOException e) {
                    return;
                }
            }
        }, echo ? "echo" : "sink");
        t.setDaemon(true);
        t.start();
    }
}
