package io.pqagent.agent.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.util.function.LongSupplier;

/** One-way bulk transfer on one connection, timed until the sink has counted every byte. */
final class Bulk {
    private Bulk() {
    }

    /** Megabytes (10^6 bytes) per second from the first write until the last byte reached the sink. */
    static double megabytesPerSecond(int port, long bytes, LongSupplier sunk) throws IOException, InterruptedException {
        byte[] chunk = new byte[64 * 1024];
        long before = sunk.getAsLong();
        long start = System.nanoTime();
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            OutputStream out = s.getOutputStream();
            for (long left = bytes; left > 0; left -= chunk.length) {
                out.write(chunk, 0, (int) Math.min(chunk.length, left));
            }
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (sunk.getAsLong() - before < bytes) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("bulk transfer stalled: " + (sunk.getAsLong() - before) + " of " + bytes
                            + " bytes arrived in 120 s");
                }
                Thread.onSpinWait();
                Thread.sleep(0, 200_000);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return bytes / 1e6 / seconds;
    }
}
