package io.pqagent.agent.testing;

import io.pqagent.agent.plant.LocalPlant;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/** Loopback helpers the agent tests share: free ports and simple TCP targets. */
public final class Loopback {
    private Loopback() {
    }

    /** A free port below Linux's ephemeral range: {@link LocalPlant#freePort()}. */
    public static int freePortBelowEphemeralRange() throws IOException {
        return LocalPlant.freePort();
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
