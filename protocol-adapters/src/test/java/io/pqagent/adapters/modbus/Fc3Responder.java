package io.pqagent.adapters.modbus;

import io.pqagent.agent.testing.Loopback;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * The PLC of the benchmark: answers FC 3 (read holding registers) on loopback, register i holding i, with
 * as little work as a server can do, so the figures measure the path, not the server. A thread per
 * connection, blocking I/O; anything but FC 3 closes the connection.
 */
final class Fc3Responder implements AutoCloseable {
    private final ServerSocket server;

    private Fc3Responder(ServerSocket server) {
        this.server = server;
    }

    static Fc3Responder start() throws IOException {
        Fc3Responder r = new Fc3Responder(new ServerSocket(Loopback.freePortBelowEphemeralRange(), 128,
                InetAddress.getLoopbackAddress()));
        Thread accept = new Thread(r::accept, "fc3-accept");
        accept.setDaemon(true);
        accept.start();
        return r;
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                s.setTcpNoDelay(true);
                Thread t = new Thread(() -> serve(s), "fc3-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void serve(Socket s) {
        try (s) {
            DataInputStream in = new DataInputStream(s.getInputStream());
            OutputStream out = s.getOutputStream();
            byte[] request = new byte[12];
            byte[] response = new byte[9 + 2 * 125];
            while (true) {
                in.readFully(request);
                int quantity = Adu.u16(request, 10);
                if (request[7] != 3 || Adu.u16(request, 4) != 6 || quantity < 1 || quantity > 125) {
                    return;
                }
                int address = Adu.u16(request, 8);
                System.arraycopy(request, 0, response, 0, 4); // transaction id, protocol id
                response[4] = 0;
                response[5] = (byte) (3 + 2 * quantity);
                response[6] = request[6];
                response[7] = 3;
                response[8] = (byte) (2 * quantity);
                for (int i = 0; i < quantity; i++) {
                    int v = address + i;
                    response[9 + 2 * i] = (byte) (v >> 8);
                    response[10 + 2 * i] = (byte) v;
                }
                out.write(response, 0, 9 + 2 * quantity);
            }
        } catch (IOException e) {
            // the master went away
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
