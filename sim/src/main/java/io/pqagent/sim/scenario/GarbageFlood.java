package io.pqagent.sim.scenario;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Random;

/**
 * Random bytes at a port for a while, reconnecting whenever the other side closes: what a broken or
 * hostile client does. Bounded in time and in rate (about 4 MB/s).
 */
final class GarbageFlood {
    private long bytes;
    private long connections;

    /** Floods {@code target} until {@code millis} have passed; returns a description of what was sent. */
    String run(InetSocketAddress target, long millis) {
        Random random = new Random(target.getPort());
        byte[] chunk = new byte[4096];
        long end = System.nanoTime() + millis * 1_000_000;
        while (System.nanoTime() < end) {
            try (Socket s = new Socket()) {
                s.connect(target, 1_000);
                connections++;
                OutputStream out = s.getOutputStream();
                while (System.nanoTime() < end) {
                    random.nextBytes(chunk);
                    out.write(chunk);
                    bytes += chunk.length;
                    Thread.sleep(1);
                }
            } catch (IOException closed) {
                pause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return bytes / 1024 + " KiB of garbage in " + connections + " connections";
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
