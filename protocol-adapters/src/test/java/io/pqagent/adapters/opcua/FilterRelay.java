package io.pqagent.adapters.opcua;

import io.pqagent.agent.filter.FilterOutput;
import io.pqagent.agent.filter.StreamFilter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A TCP relay in this JVM that runs a stream filter between each client connection and the server, as
 * the agent's FilteredPump does (both directions through one filter, never at the same time; a reset
 * closes both sockets), without agents and tunnels: the fast way to put a real OPC UA client and server
 * on either side of the filter.
 */
final class FilterRelay implements AutoCloseable {
    private final ServerSocket listener;
    private final int targetPort;
    private final Supplier<StreamFilter> filters;
    private final List<Socket> sockets = Collections.synchronizedList(new ArrayList<>());
    final List<Map<String, Object>> audits = Collections.synchronizedList(new ArrayList<>());
    final List<String> resets = Collections.synchronizedList(new ArrayList<>());

    FilterRelay(int targetPort, Supplier<StreamFilter> filters) throws IOException {
        this.targetPort = targetPort;
        this.filters = filters;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::acceptLoop, "relay-accept");
        accept.setDaemon(true);
        accept.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    List<Map<String, Object>> audits(String event) {
        synchronized (audits) {
            return audits.stream().filter(a -> event.equals(a.get("event"))).toList();
        }
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket();
                server.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), 5000);
                sockets.add(client);
                sockets.add(server);
                Connection c = new Connection(client, server, filters.get());
                c.pump(client.getInputStream(), true);
                c.pump(server.getInputStream(), false);
            } catch (IOException e) {
                if (listener.isClosed()) {
                    return;
                }
            }
        }
    }

    private final class Connection implements FilterOutput {
        private final Socket client;
        private final Socket server;
        private final StreamFilter filter;
        private final OutputStream toClient;
        private final OutputStream toServer;

        Connection(Socket client, Socket server, StreamFilter filter) throws IOException {
            this.client = client;
            this.server = server;
            this.filter = filter;
            this.toClient = client.getOutputStream();
            this.toServer = server.getOutputStream();
        }

        void pump(InputStream in, boolean fromClient) {
            Thread t = new Thread(() -> {
                byte[] buf = new byte[16 * 1024];
                try {
                    for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                        byte[] data = Arrays.copyOf(buf, n);
                        synchronized (this) {
                            if (fromClient) {
                                filter.fromOpener(data, this);
                            } else {
                                filter.fromTarget(data, this);
                            }
                        }
                    }
                } catch (IOException closed) {
                    // the other pump or a reset closed the sockets
                }
                closeBoth();
            }, fromClient ? "relay-from-client" : "relay-from-server");
            t.setDaemon(true);
            t.start();
        }

        @Override
        public void toTarget(byte[] data) {
            write(toServer, data);
        }

        @Override
        public void toOpener(byte[] data) {
            write(toClient, data);
        }

        private void write(OutputStream out, byte[] data) {
            try {
                out.write(data);
                out.flush();
            } catch (IOException e) {
                closeBoth();
            }
        }

        @Override
        public void reset(String reason) {
            resets.add(reason);
            closeBoth();
        }

        @Override
        public void audit(String event, Map<String, ?> fields) {
            Map<String, Object> all = new LinkedHashMap<>();
            all.put("event", event);
            all.putAll(fields);
            audits.add(all);
        }

        private void closeBoth() {
            try {
                client.close();
            } catch (IOException ignored) {
                // already closed
            }
            try {
                server.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        synchronized (sockets) {
            for (Socket s : sockets) {
                s.close();
            }
        }
    }
}
