package io.pqagent.agent.bench;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;

/**
 * Request/response round trips of a fixed-size message on one connection, one at a time, as a master
 * polling a PLC does: write the request, wait for the whole echo, repeat.
 */
final class RoundTrips {
    private RoundTrips() {
    }

    static LatencySample measure(String path, int port, int size, int warmup, int count) throws IOException {
        byte[] request = new byte[size];
        byte[] reply = new byte[size];
        long[] nanos = new long[count];
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setTcpNoDelay(true);
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            DataInputStream in = new DataInputStream(s.getInputStream());
            for (int i = 0; i < warmup + count; i++) {
                request[0] = (byte) i;
                long start = System.nanoTime();
                out.write(request);
                in.readFully(reply);
                long took = System.nanoTime() - start;
                if (reply[0] != request[0]) {
                    throw new IOException(path + ": reply " + i + " does not match its request");
                }
                if (i >= warmup) {
                    nanos[i - warmup] = took;
                }
            }
        }
        return new LatencySample(path, nanos);
    }
}
