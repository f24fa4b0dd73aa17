package io.pqagent.adapters.modbus;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.util.Arrays;
import java.util.concurrent.CyclicBarrier;

/**
 * {@code n} Modbus masters on their own connections and threads, each sending FC 3 for 10 holding
 * registers and waiting for the answer before the next (one request in flight per master), for a fixed
 * time. Round trips are measured on the master's side, from the request's write to the answer's last byte.
 */
final class BenchMasters {
    static final int REGISTERS = 10;

    /** All round trips (sorted, nanoseconds) and the rate over the run. */
    record Result(long[] nanos, double requestsPerSecond) {
        long percentile(double p) {
            return nanos[Math.min(nanos.length - 1, (int) Math.ceil(p / 100 * nanos.length) - 1)];
        }
    }

    private BenchMasters() {
    }

    static Result run(int port, int masters, double seconds) throws Exception {
        CyclicBarrier start = new CyclicBarrier(masters + 1);
        long[][] samples = new long[masters][];
        int[] counts = new int[masters];
        Thread[] threads = new Thread[masters];
        Throwable[] failure = new Throwable[1];
        long[] window = new long[2];
        for (int m = 0; m < masters; m++) {
            int id = m;
            threads[m] = new Thread(() -> {
                try (Socket s = new Socket("127.0.0.1", port)) {
                    s.setTcpNoDelay(true);
                    long[] mine = new long[1 << 16];
                    int n = 0;
                    OutputStream out = s.getOutputStream();
                    DataInputStream in = new DataInputStream(s.getInputStream());
                    byte[] request = Adu.of(0, 1, 3, 0, id, 0, REGISTERS);
                    byte[] response = new byte[9 + 2 * REGISTERS];
                    start.await();
                    long end = window[1];
                    for (int tid = 1; System.nanoTime() < end; tid++) {
                        request[0] = (byte) (tid >> 8);
                        request[1] = (byte) tid;
                        long t0 = System.nanoTime();
                        out.write(request);
                        in.readFully(response);
                        long rtt = System.nanoTime() - t0;
                        if (response[7] != 3 || Adu.u16(response, 0) != (tid & 0xFFFF)) {
                            throw new IOException("unexpected answer to transaction " + tid);
                        }
                        if (n == mine.length) {
                            mine = Arrays.copyOf(mine, n * 2);
                        }
                        mine[n++] = rtt;
                    }
                    samples[id] = mine;
                    counts[id] = n;
                } catch (Throwable e) {
                    synchronized (failure) {
                        failure[0] = e;
                    }
                }
            }, "master-" + m);
            threads[m].start();
        }
        window[0] = System.nanoTime();
        window[1] = window[0] + (long) (seconds * 1e9);
        start.await();
        for (Thread t : threads) {
            t.join();
        }
        long elapsed = System.nanoTime() - window[0];
        if (failure[0] != null) {
            throw new IllegalStateException("a master failed: " + failure[0], failure[0]);
        }
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int off = 0;
        for (int m = 0; m < masters; m++) {
            System.arraycopy(samples[m], 0, all, off, counts[m]);
            off += counts[m];
        }
        Arrays.sort(all);
        return new Result(all, total / (elapsed / 1e9));
    }
}
